namespace ScRepro.Splits.Random;

/// <summary>
/// The Mersenne Twister exactly as numpy's legacy <c>RandomState</c> drives it (numpy/random/src/mt19937),
/// including numpy's two seeding paths: an int (<c>init_genrand</c>) and an int array (<c>init_by_array</c>).
/// All arithmetic is mod 2^32; <see cref="System.Random"/> is unrelated and never used.
/// </summary>
public sealed class MT19937
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908B0DFu;
    private const uint Upper = 0x80000000u;
    private const uint Lower = 0x7FFFFFFFu;

    private readonly uint[] _key = new uint[N];
    private int _pos;

    private MT19937() { }

    /// <summary><c>np.random.seed(seed)</c> / <c>RandomState(seed)</c> for an int in 0 … 2^32−1.</summary>
    public static MT19937 FromSeed(long seed)
    {
        if (seed < 0 || seed > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(seed), seed, "Seed must be between 0 and 2**32 - 1 (numpy's rule)");
        var mt = new MT19937();
        mt.InitGenrand((uint)seed);
        return mt;
    }

    /// <summary><c>RandomState([k0, k1, …])</c>: numpy seeds an int array with <c>init_by_array</c>.</summary>
    public static MT19937 FromArray(IReadOnlyList<long> key)
    {
        if (key.Count == 0) throw new ArgumentException("Seed must be non-empty (numpy's rule)", nameof(key));
        foreach (var k in key)
            if (k < 0 || k > uint.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(key), k, "Seed values must be between 0 and 2**32 - 1 (numpy's rule)");
        var mt = new MT19937();
        mt.InitByArray(key.Select(k => (uint)k).ToArray());
        return mt;
    }

    /// <summary>The first five words of the state and the position, for checking seeding against numpy.</summary>
    public (uint[] Head, uint Last, int Pos) StateSummary => (_key[..5], _key[N - 1], _pos);

    private void InitGenrand(uint s)
    {
        unchecked
        {
            for (var i = 0; i < N; i++)
            {
                _key[i] = s;
                s = 1812433253u * (s ^ (s >> 30)) + (uint)(i + 1);
            }
        }
        _pos = N; // the first draw triggers a full twist, as in numpy's mt19937_seed
    }

    private void InitByArray(uint[] initKey)
    {
        InitGenrand(19650218u);
        unchecked
        {
            int i = 1, j = 0;
            for (var k = Math.Max(N, initKey.Length); k > 0; k--)
            {
                _key[i] = (_key[i] ^ ((_key[i - 1] ^ (_key[i - 1] >> 30)) * 1664525u)) + initKey[j] + (uint)j;
                i++;
                j++;
                if (i >= N) { _key[0] = _key[N - 1]; i = 1; }
                if (j >= initKey.Length) j = 0;
            }
            for (var k = N - 1; k > 0; k--)
            {
                _key[i] = (_key[i] ^ ((_key[i - 1] ^ (_key[i - 1] >> 30)) * 1566083941u)) - (uint)i;
                i++;
                if (i >= N) { _key[0] = _key[N - 1]; i = 1; }
            }
        }
        _key[0] = 0x80000000u; // guarantees a non-zero state
        _pos = N;
    }

    private void Twist()
    {
        for (var i = 0; i < N; i++)
        {
            var y = (_key[i] & Upper) | (_key[(i + 1) % N] & Lower);
            _key[i] = _key[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? MatrixA : 0u);
        }
        _pos = 0;
    }

    /// <summary>numpy's <c>mt19937_next32</c>: one tempered 32-bit word.</summary>
    public uint NextUInt32()
    {
        if (_pos == N) Twist();
        var y = _key[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>numpy's <c>mt19937_next64</c>: the high word is drawn first (checked against numpy's randint(0, 2**40)).</summary>
    public ulong NextUInt64()
    {
        ulong hi = NextUInt32();
        ulong lo = NextUInt32();
        return (hi << 32) | lo;
    }

    /// <summary>numpy's <c>mt19937_next_double</c>: 53 random bits in [0, 1).</summary>
    public double NextDouble()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
