using ScRepro.Evaluation.Perturbation.Statistics;

namespace ScRepro.Evaluation.Perturbation.Papers;

/// <summary>
/// The GEARS / scGPT Pearson family (cell-eval-metrics.md §8), so a card can print "reported vs reproduced" on the papers'
/// own definitions: deltas are taken against the real control mean on both sides, unlike cell-eval's own-control deltas.
/// </summary>
public static class PaperPearsonMetrics
{
    public static IReadOnlyList<PaperPearsonRow> Compute(PerturbationPair pair, IReadOnlyDictionary<string, object?>? realUns)
    {
        var ctrl = pair.Real.Mean(pair.Control);
        var rows = new List<PaperPearsonRow>();
        var control = new Lazy<(double[], double[], int)>(() => TopDeGenes.ControlStats(pair));
        foreach (var p in pair.Perturbations)
        {
            var truth = pair.Real.Mean(p);
            var pred = pair.Pred.Mean(p);
            var dTruth = truth.Select((v, g) => v - ctrl[g]).ToArray();
            var dPred = pred.Select((v, g) => v - ctrl[g]).ToArray();
            var (de, source) = TopDeGenes.For(pair, realUns, p, control);
            double[] Pick(double[] v) => de.Select(g => v[g]).ToArray();
            rows.Add(new PaperPearsonRow(p,
                Correlation.Pearson(pred, truth),
                Correlation.Pearson(Pick(pred), Pick(truth)),
                Correlation.Pearson(dPred, dTruth),
                Correlation.Pearson(Pick(dPred), Pick(dTruth)),
                de.Select(g => pair.Genes[g]).ToArray(),
                source,
                truth.All(v => v == 0)));
        }
        return rows;
    }

    /// <summary>The paper's headline mean of one column (selector) under its NaN and skipping rules.</summary>
    public static double Headline(IReadOnlyList<PaperPearsonRow> rows, Func<PaperPearsonRow, double> column, PaperConvention convention)
    {
        var values = convention switch
        {
            PaperConvention.Gears => rows.Select(r => double.IsNaN(column(r)) ? 0.0 : column(r)).ToArray(),
            PaperConvention.Scgpt => rows.Where(r => !r.TrueMeanAllZero).Select(column).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(convention)),
        };
        return values.Length == 0 ? double.NaN : values.Average();
    }
}
