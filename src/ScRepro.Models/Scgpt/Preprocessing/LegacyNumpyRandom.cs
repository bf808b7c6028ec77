namespace ScRepro.Models.Scgpt.Preprocessing;

/// <summary>
/// numpy's legacy RandomState (MT19937, np.random.seed(int)) for the draws scGPT's preprocessing makes:
/// rand (random_sample) and choice(n, k, replace=False). scGPT draws these from the unseeded global
/// generator; we seed it so a run is repeatable, and with the same seed our draws equal
/// <c>np.random.seed(seed)</c> followed by scGPT's calls (checked against numpy 1.24 fixtures).
/// Kept here rather than shared: ScRepro.Splits' RandomState was not available when this was written.
/// </summary>
public sealed class LegacyNumpyRandom
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _mti;

    /// <summary>init_genrand(seed), what np.random.seed(int) does for 0 ≤ seed &lt; 2³².</summary>
    public LegacyNumpyRandom(uint seed)
    {
        _mt[0] = seed;
        for (var i = 1; i < N; i++)
            _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        _mti = N;
    }

    /// <summary>One 32-bit output of MT19937.</summary>
    public uint NextUInt32()
    {
        if (_mti >= N) Twist();
        var y = _mt[_mti++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>random_sample(): a 53-bit double in [0, 1), from two 32-bit draws (a&gt;&gt;5, b&gt;&gt;6).</summary>
    public double NextDouble()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>A uniform integer in [0, max] by masked rejection (numpy's legacy random_interval).</summary>
    public ulong Interval(ulong max)
    {
        if (max == 0) return 0;
        var mask = max;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4;
        mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
        ulong value;
        if (max <= 0xffffffffUL)
        {
            while ((value = NextUInt32() & mask) > max) { }
        }
        else
        {
            while ((value = (((ulong)NextUInt32() << 32) | NextUInt32()) & mask) > max) { }
        }
        return value;
    }

    /// <summary>permutation(n): arange(n) shuffled with Fisher–Yates from the top (legacy shuffle).</summary>
    public int[] Permutation(int n)
    {
        var a = new int[n];
        for (var i = 0; i < n; i++) a[i] = i;
        for (var i = n - 1; i >= 1; i--)
        {
            var j = (int)Interval((ulong)i);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a;
    }

    /// <summary>choice(n, k, replace=False) without p: permutation(n)[:k], in that (unsorted) order.</summary>
    public int[] ChoiceWithoutReplacement(int n, int k)
    {
        if (k > n) throw new ArgumentOutOfRangeException(nameof(k), $"cannot take {k} of {n} without replacement");
        return Permutation(n)[..k];
    }

    private void Twist()
    {
        for (var i = 0; i < N; i++)
        {
            var y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7fffffffu);
            var next = _mt[(i + M) % N] ^ (y >> 1);
            if ((y & 1) != 0) next ^= 0x9908b0dfu;
            _mt[i] = next;
        }
        _mti = 0;
    }
}
