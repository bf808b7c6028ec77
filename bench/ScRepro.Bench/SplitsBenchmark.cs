using System.Globalization;
using ScRepro.Splits.Annotation;
using ScRepro.Splits.Gears;
using ScRepro.Splits.Random;

namespace ScRepro.Bench;

/// <summary>
/// Splits at the sizes the studies use: Boiarsky's StratifiedShuffleSplit(0.2, 2022) on 68,450 PBMC cells, a 10M-element
/// numpy permutation, and GEARS' simulation split of a Norman-sized condition list. References: sklearn and numpy in the
/// same run (GEARS is not installed, so its split has no reference timing).
/// </summary>
public sealed class SplitsBenchmark : IBenchmark
{
    public string Name => "splits";

    // Class sizes shaped like Zheng68K's (two large CD8 classes, two rare ones), summing to its 68,450 cells.
    private static readonly int[] PbmcCounts = [18741, 16702, 8899, 6229, 5818, 3149, 2806, 2122, 1848, 274, 1862];

    public void Run(BenchContext context)
    {
        var labels = PbmcCounts.SelectMany((n, k) => Enumerable.Repeat("class" + k.ToString("D2", CultureInfo.InvariantCulture), n)).ToArray();
        var y = new LabelClasses(labels);
        var ours = BenchContext.Time(() => new StratifiedShuffleSplit(SplitSize.Of(0.2), null, 2022).Split(y));
        var reference = Python("""
            import sys, time, numpy as np
            from sklearn.model_selection import StratifiedShuffleSplit
            counts = [int(c) for c in sys.argv[1].split(',')]
            y = np.array([f'class{k:02d}' for k, n in enumerate(counts) for _ in range(n)], dtype=object)
            X = np.zeros((len(y), 1)); runs = []
            for _ in range(3):
                t = time.perf_counter(); next(StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=2022).split(X, y))
                runs.append(time.perf_counter() - t)
            print(runs)
            """, string.Join(",", PbmcCounts));
        context.Report(Name, "SSS(0.2, 2022) on 68,450 labels", ours, reference, "sklearn 1.2");

        ours = BenchContext.Time(() => new NumpyRandomState(42).Permutation(10_000_000));
        reference = Python("""
            import time, numpy as np
            runs = []
            for _ in range(3):
                t = time.perf_counter(); np.random.RandomState(42).permutation(10_000_000); runs.append(time.perf_counter() - t)
            print(runs)
            """);
        context.Report(Name, "RandomState(42).permutation(1e7)", ours, reference, "numpy");

        var genes = Enumerable.Range(0, 105).Select(i => "G" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var conditions = new List<string> { "ctrl" };
        conditions.AddRange(genes.Select(g => g + "+ctrl"));
        conditions.AddRange(genes.Take(47).Select(g => "ctrl+" + g));
        for (var i = 0; i < 131; i++) conditions.Add(genes[i % 105] + "+" + genes[(i + 1 + i / 105) % 105]);
        var unique = conditions.Distinct().ToArray();
        ours = BenchContext.Time(() => GearsSimulationSplit.Simulation(unique, 42, 0.75), repeats: 5);
        context.Report(Name, $"GEARS simulation, {unique.Length} conditions", ours, null, "GEARS (absent)");
    }

    private static Timing? Python(string script, params string[] args) => Timing.Parse(BenchContext.RunPython(script, args));
}
