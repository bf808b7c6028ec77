namespace ScRepro.Baselines.Logistic;

/// <summary>
/// Small, fast, platform-independent PRNG for the coordinate order of the inner solver. liblinear uses its own
/// generator (sklearn: mt19937 seeded from random_state); exact coordinate orders cannot be matched, and only the
/// converged optimum matters, so we use one seeded stream per class for thread-independent determinism.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, bound) (Lemire's multiply-shift; the tiny bias is irrelevant here).</summary>
    public int NextInt(int bound) => (int)((Next() >> 32) * (ulong)bound >> 32);
}
