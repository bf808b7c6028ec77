namespace ScRepro.Splits.Random;

/// <summary>
/// numpy's legacy <c>RandomState</c> (frozen since numpy 1.16): the methods GEARS, sklearn's splitters and
/// imblearn's samplers call, drawing exactly the words numpy draws (masked rejection for bounded integers,
/// Fisher–Yates from the end for shuffle, 53-bit doubles). See ../shared/research/numpy-rng.md.
/// </summary>
public sealed class NumpyRandomState
{
    private readonly MT19937 _mt;

    private NumpyRandomState(MT19937 mt) => _mt = mt;

    /// <summary><c>np.random.RandomState(seed)</c> for an int seed.</summary>
    public NumpyRandomState(long seed) : this(MT19937.FromSeed(seed)) { }

    /// <summary><c>np.random.RandomState([k0, k1, …])</c> (init_by_array; differs from the int seed).</summary>
    public static NumpyRandomState FromArray(IReadOnlyList<long> key) => new(MT19937.FromArray(key));

    /// <summary>The bit generator, for raw draws (<c>random_raw</c>).</summary>
    public MT19937 BitGenerator => _mt;

    /// <summary><c>random_sample()</c>: one double in [0, 1).</summary>
    public double RandomSample() => _mt.NextDouble();

    /// <summary><c>random_sample(size)</c>, in C order.</summary>
    public double[] RandomSample(int size)
    {
        var r = new double[size];
        for (var i = 0; i < size; i++) r[i] = _mt.NextDouble();
        return r;
    }

    /// <summary>numpy's <c>random_interval(max)</c>: uniform on [0, max] by masked rejection; max 0 draws nothing.</summary>
    public ulong RandomInterval(ulong max)
    {
        if (max == 0) return 0;
        var mask = GenMask(max);
        ulong v;
        if (max <= 0xFFFFFFFFUL)
        {
            do { v = _mt.NextUInt32() & mask; } while (v > max);
        }
        else
        {
            do { v = _mt.NextUInt64() & mask; } while (v > max);
        }
        return v;
    }

    /// <summary><c>randint(low, high)</c> with the default int64 dtype (legacy masked rejection).</summary>
    public long RandInt(long low, long high)
    {
        if (high <= low) throw new ArgumentException($"low >= high ({low} >= {high}), as numpy refuses");
        return low + (long)BoundedUInt64(unchecked((ulong)(high - 1 - low)));
    }

    /// <summary><c>randint(high)</c>: [0, high).</summary>
    public long RandInt(long high) => RandInt(0, high);

    /// <summary><c>randint(low, high, size)</c>, elements in C order.</summary>
    public long[] RandInt(long low, long high, int size)
    {
        if (high <= low) throw new ArgumentException($"low >= high ({low} >= {high}), as numpy refuses");
        var rng = unchecked((ulong)(high - 1 - low));
        var r = new long[size];
        for (var i = 0; i < size; i++) r[i] = low + (long)BoundedUInt64(rng);
        return r;
    }

    /// <summary><c>random_bounded_uint64</c> with use_masked: off 0, range <paramref name="rng"/> inclusive.</summary>
    private ulong BoundedUInt64(ulong rng)
    {
        if (rng == 0) return 0; // numpy returns low and consumes nothing
        if (rng <= 0xFFFFFFFFUL)
        {
            if (rng == 0xFFFFFFFFUL) return _mt.NextUInt32();
            var mask = (uint)GenMask(rng);
            uint v;
            do { v = _mt.NextUInt32() & mask; } while (v > rng);
            return v;
        }
        if (rng == ulong.MaxValue) return _mt.NextUInt64();
        var mask64 = GenMask(rng);
        ulong w;
        do { w = _mt.NextUInt64() & mask64; } while (w > rng);
        return w;
    }

    /// <summary>The smallest 2^k − 1 that is ≥ <paramref name="max"/>.</summary>
    private static ulong GenMask(ulong max)
    {
        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        return mask;
    }

    /// <summary><c>shuffle(x)</c> in place: for i = n−1 … 1, j = random_interval(i), swap.</summary>
    public void Shuffle<T>(IList<T> x)
    {
        for (var i = x.Count - 1; i >= 1; i--)
        {
            var j = (int)RandomInterval((ulong)i);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary><c>permutation(n)</c>: a shuffled arange(n).</summary>
    public int[] Permutation(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "negative dimensions are not allowed");
        var a = new int[n];
        for (var i = 0; i < n; i++) a[i] = i;
        Shuffle(a);
        return a;
    }

    /// <summary><c>permutation(arr)</c>: a shuffled copy (the same swaps as permutation(len)).</summary>
    public T[] Permutation<T>(IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        Shuffle(copy);
        return copy;
    }

    /// <summary>
    /// <c>choice(popSize, size, replace, p)</c> as indices into the population. Without p:
    /// replace=False is <c>permutation(popSize)[:size]</c> (the whole population is permuted), replace=True is
    /// <c>randint(0, popSize, size)</c>. With p: numpy's cdf/searchsorted draw (and its rejection loop without replacement).
    /// </summary>
    public int[] Choice(int popSize, int size, bool replace = true, IReadOnlyList<double>? p = null)
    {
        if (popSize < 0) throw new ArgumentException("a must be a positive integer unless no samples are taken");
        if (size < 0) throw new ArgumentException("negative dimensions are not allowed");
        if (popSize == 0 && size != 0) throw new ArgumentException("'a' cannot be empty unless no samples are taken");
        double[]? prob = null;
        if (p is not null) prob = CheckProbabilities(p, popSize);

        if (replace)
        {
            if (prob is not null)
            {
                var cdf = NormalisedCdf(prob);
                var u = RandomSample(size);
                var idx = new int[size];
                for (var i = 0; i < size; i++) idx[i] = SearchSortedRight(cdf, u[i]);
                return idx;
            }
            return RandInt(0, popSize, size).Select(v => (int)v).ToArray();
        }

        if (size > popSize) throw new ArgumentException("Cannot take a larger sample than population when 'replace=False'");
        if (prob is null) return Permutation(popSize)[..size];

        if (prob.Count(v => v > 0) < size) throw new ArgumentException("Fewer non-zero entries in p than size");
        var found = new int[size];
        var nUniq = 0;
        while (nUniq < size)
        {
            var x = RandomSample(size - nUniq);
            for (var k = 0; k < nUniq; k++) prob[found[k]] = 0;
            var cdf = NormalisedCdf(prob);
            // np.unique(new, return_index=True) then sorting the indices keeps first occurrences in draw order
            var seen = new HashSet<int>();
            foreach (var u in x)
            {
                var v = SearchSortedRight(cdf, u);
                if (seen.Add(v)) found[nUniq + seen.Count - 1] = v;
            }
            nUniq += seen.Count;
        }
        return found;
    }

    /// <summary><c>choice(items, size, replace, p)</c>: the items at <see cref="Choice(int,int,bool,IReadOnlyList{double}?)"/>'s indices.</summary>
    public T[] Choice<T>(IReadOnlyList<T> items, int size, bool replace = true, IReadOnlyList<double>? p = null) =>
        Choice(items.Count, size, replace, p).Select(i => items[i]).ToArray();

    private static double[] CheckProbabilities(IReadOnlyList<double> p, int popSize)
    {
        if (p.Count != popSize) throw new ArgumentException("'a' and 'p' must have same size");
        foreach (var v in p)
            if (double.IsNaN(v) || v < 0 || v > 1) throw new ArgumentException("probabilities are not non-negative");
        // numpy sums with Kahan summation and allows sqrt(eps) slack
        double sum = 0, c = 0;
        foreach (var v in p)
        {
            var y = v - c;
            var t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        if (Math.Abs(sum - 1.0) > Math.Sqrt(2.220446049250313e-16))
            throw new ArgumentException("probabilities do not sum to 1");
        return p.ToArray();
    }

    private static double[] NormalisedCdf(double[] p)
    {
        var cdf = new double[p.Length];
        double acc = 0;
        for (var i = 0; i < p.Length; i++) { acc += p[i]; cdf[i] = acc; }
        var last = cdf[^1];
        for (var i = 0; i < cdf.Length; i++) cdf[i] /= last;
        return cdf;
    }

    /// <summary>np.searchsorted(cdf, u, side='right'): the first index whose value is greater than u.</summary>
    private static int SearchSortedRight(double[] cdf, double u)
    {
        int lo = 0, hi = cdf.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cdf[mid] <= u) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
