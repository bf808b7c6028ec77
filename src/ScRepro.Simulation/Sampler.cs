namespace ScRepro.Simulation;

/// <summary>
/// Seeded draws for the simulators: normal (Box–Muller), gamma (Marsaglia–Tsang), Poisson (Knuth below 30,
/// Hörmann's PTRS above) and negative binomial as a gamma–Poisson mixture. Built on System.Random's seeded
/// generator, whose sequence .NET keeps fixed for a given seed, so the same seed gives the same dataset.
/// </summary>
public sealed class Sampler
{
    private readonly Random _random;

    public Sampler(int seed) => _random = new Random(seed);

    public double Uniform() => _random.NextDouble();

    public int Integer(int maxExclusive) => _random.Next(maxExclusive);

    public double Normal(double mean = 0, double sd = 1)
    {
        // Box–Muller without caching the second value keeps the stream position simple to reason about.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double Gamma(double shape, double scale)
    {
        if (shape < 1)
        {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            return Gamma(shape + 1, scale) * Math.Pow(1.0 - _random.NextDouble(), 1.0 / shape);
        }
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = 1.0 - _random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
                return d * v * scale;
        }
    }

    public long Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda < 30)
        {
            var limit = Math.Exp(-lambda);
            long k = 0;
            var p = 1.0;
            do
            {
                k++;
                p *= _random.NextDouble();
            } while (p > limit);
            return k - 1;
        }
        // PTRS (Hörmann 1993, "The transformed rejection method for generating Poisson random variables").
        var slam = Math.Sqrt(lambda);
        var loglam = Math.Log(lambda);
        var b = 0.931 + 2.53 * slam;
        var a = -0.059 + 0.02483 * b;
        var invalpha = 1.1239 + 1.1328 / (b - 3.4);
        var vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            var u = _random.NextDouble() - 0.5;
            var v = _random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = (long)Math.Floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + Math.Log(invalpha) - Math.Log(a / (us * us) + b)
                <= -lambda + k * loglam - LogFactorial(k))
                return k;
        }
    }

    /// <summary>Negative binomial with mean <paramref name="mean"/> and dispersion θ (variance μ + μ²/θ).</summary>
    public long NegativeBinomial(double mean, double theta) =>
        mean <= 0 ? 0 : Poisson(Gamma(theta, mean / theta));

    private static double LogFactorial(long k)
    {
        if (k < 2) return 0;
        // Stirling series; exact enough for the rejection test at k ≥ 10, direct sum below.
        if (k < 10)
        {
            var s = 0.0;
            for (var i = 2; i <= k; i++) s += Math.Log(i);
            return s;
        }
        var x = (double)k;
        return (x + 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + 1.0 / (12 * x) - 1.0 / (360 * x * x * x);
    }
}
