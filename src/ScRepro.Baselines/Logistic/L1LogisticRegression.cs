using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines.Logistic;

/// <summary>
/// Fits sklearn's LogisticRegression(penalty="l1", solver="liblinear") on rows of a CSR matrix: classes sorted
/// ordinally, one binary liblinear problem per class (one problem for two classes), run in parallel.
/// </summary>
public static class L1LogisticRegression
{
    /// <summary>Fits on <paramref name="rows"/> of <paramref name="x"/> with labels <paramref name="labels"/> (one per row).</summary>
    public static LogisticModel Fit(CsrMatrix x, IReadOnlyList<int> rows, IReadOnlyList<string> labels, LogisticOptions options) =>
        FitMany(x, rows, labels, [options.C], options)[0];

    /// <summary>
    /// Fits one model per C in <paramref name="cs"/> on the same rows; the transposed matrix is built once and
    /// the (C, class) problems share the worker threads.
    /// </summary>
    public static LogisticModel[] FitMany(CsrMatrix x, IReadOnlyList<int> rows, IReadOnlyList<string> labels,
        IReadOnlyList<double> cs, LogisticOptions options)
    {
        if (rows.Count != labels.Count)
            throw new ArgumentException($"{rows.Count} rows but {labels.Count} labels");
        var classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
            throw new ScReproException(
                $"logistic regression needs at least 2 classes in the training labels, got {classes.Length} ({string.Join(", ", classes)})");
        foreach (var c in cs)
            if (!(c > 0)) throw new ScReproException($"logistic regression: C must be positive, got {c}");
        var code = classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        var y = labels.Select(l => code[l]).ToArray();

        // Two classes: liblinear solves one problem with the second class as +1.
        var problems = classes.Length == 2 ? 1 : classes.Length;
        var weights = new double[cs.Count * problems][];
        var iterations = new int[cs.Count * problems];
        var cores = Math.Max(options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, 1);
        var prob = ColumnProblem.FromRows(x, rows, options.FitIntercept ? options.InterceptScaling : -1, maxThreads: cores);
        var threads = Math.Min(cores, weights.Length);
        var order = CostliestFirst(y, classes.Length, problems, cs);
        var next = -1;
        // A shared queue taken costliest first, so the threads finish together. Each job owns its slot and its
        // seed, so the output is identical for any thread count and any order.
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            int taken;
            while ((taken = Interlocked.Increment(ref next)) < order.Length)
            {
                var job = order[taken];
                var ci = job / problems;
                var k = job % problems;
                var positiveClass = classes.Length == 2 ? 1 : k;
                var positive = new bool[y.Length];
                for (var i = 0; i < y.Length; i++) positive[i] = y[i] == positiveClass;
                var seed = (ulong)(uint)options.Seed * 0x100000001B3UL ^ (ulong)k * 0x9E3779B97F4A7C15UL;
                var (w, it) = L1LogisticSolver.Solve(prob, positive, cs[ci], options.Tol, options.MaxIter, seed);
                weights[job] = w;
                iterations[job] = it;
            }
        });

        var models = new LogisticModel[cs.Count];
        for (var ci = 0; ci < cs.Count; ci++)
        {
            var coef = new double[problems][];
            var intercept = new double[problems];
            for (var k = 0; k < problems; k++)
            {
                var w = weights[ci * problems + k];
                coef[k] = w.AsSpan(0, x.Cols).ToArray();
                intercept[k] = options.FitIntercept ? options.InterceptScaling * w[x.Cols] : 0.0;
            }
            models[ci] = new LogisticModel(classes, coef, intercept,
                iterations.AsSpan(ci * problems, problems).ToArray(), cs[ci], x.Cols);
        }
        return models;
    }

    /// <summary>
    /// Job indices (ci · problems + k) in the order to start them: larger C first (a weaker penalty keeps more
    /// weights nonzero), then the rarer side first within a C: liblinear's tolerance scales with min(#pos, #neg),
    /// so the rare classes run the most Newton iterations.
    /// </summary>
    private static int[] CostliestFirst(int[] y, int classCount, int problems, IReadOnlyList<double> cs)
    {
        var counts = new int[classCount];
        foreach (var label in y) counts[label]++;
        var minority = new int[problems];
        for (var k = 0; k < problems; k++)
        {
            var pos = counts[classCount == 2 ? 1 : k];
            minority[k] = Math.Min(pos, y.Length - pos);
        }
        return Enumerable.Range(0, cs.Count * problems)
            .OrderByDescending(job => cs[job / problems])
            .ThenBy(job => minority[job % problems])
            .ThenBy(job => job)
            .ToArray();
    }
}
