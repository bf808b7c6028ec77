using ScRepro.Evaluation.Perturbation.Statistics;

namespace ScRepro.Evaluation.Perturbation.Metrics;

/// <summary>
/// pearson_edistance (cell-eval metrics/_anndata.py, global): for each perturbation the energy distance to control,
/// E(A, B) = 2·mean‖a−b‖ − mean‖a−a'‖ − mean‖b−b'‖ (Euclidean, not squared; all ordered pairs, diagonal included), on the
/// cell-level log1p X of real and of pred; the value is the Pearson correlation of the two across perturbations.
/// </summary>
internal static class EnergyDistance
{
    public static IEnumerable<MetricRow> Compute(PerturbationPair pair, int threads, Action<double>? progress = null)
    {
        var realE = Distances(pair.Real, pair, threads, null, progress, out var realControl);
        var predE = Distances(pair.Pred, pair, threads, realControl, progress, out _);
        var r = Correlation.Pearson(predE, realE);
        return pair.Perturbations.Select(p => new MetricRow(p, "pearson_edistance", r));
    }

    /// <summary>E(cells of p, control cells) for every p, on one side.</summary>
    public static double[] Distances(PerturbationSide side, PerturbationPair pair, int threads,
        (CellBlock Block, double Self)? reuse, Action<double>? progress, out (CellBlock Block, double Self) control)
    {
        var centre = side.Mean(pair.Control);
        var ctrl = CellBlock.From(side.X, side.Groups[pair.Control], centre);
        double selfC;
        if (reuse is { } r && r.Block.SameAs(ctrl)) selfC = r.Self;
        else selfC = PairwiseDistanceSum.Sum(ctrl, ctrl, threads) / ((double)ctrl.Rows * ctrl.Rows);
        control = (ctrl, selfC);
        var perts = pair.Perturbations;
        var e = new double[perts.Length];
        // Parallel over perturbations; each pair sum itself runs on one thread, so results do not depend on threads.
        Parallel.For(0, perts.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            var block = CellBlock.From(side.X, side.Groups[perts[i]], centre);
            var n = (double)block.Rows;
            var cross = PairwiseDistanceSum.Sum(block, ctrl, 1) / (n * ctrl.Rows);
            var self = PairwiseDistanceSum.Sum(block, block, 1) / (n * n);
            e[i] = 2 * cross - self - selfC;
            progress?.Invoke(1);
        });
        return e;
    }
}
