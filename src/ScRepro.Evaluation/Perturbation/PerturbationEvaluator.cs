using ScRepro.Terminal;
using ScRepro.Evaluation.Perturbation.Catalogue;
using ScRepro.Evaluation.Perturbation.Clustering;
using ScRepro.Evaluation.Perturbation.De;
using ScRepro.Evaluation.Perturbation.Metrics;
using ScRepro.Evaluation.Perturbation.Papers;
using ScRepro.Evaluation.Perturbation.Results;

namespace ScRepro.Evaluation.Perturbation;

/// <summary>
/// cell-eval 0.8.1's `run` with profile "full": validate the pair, run pdex DE on real and on pred, then every metric of the
/// catalogue. A metric that fails fails the run (cell-eval would drop the column silently; a card must not).
/// </summary>
public static class PerturbationEvaluator
{
    /// <summary>Evaluates <paramref name="pred"/> against <paramref name="real"/>.</summary>
    public static PerturbationEvaluation Evaluate(ScRepro.AnnData.AnnotatedData real, ScRepro.AnnData.AnnotatedData pred,
        PerturbationEvalOptions options)
    {
        var pair = PerturbationPair.Create(real, pred, options);
        return Evaluate(pair, options, real.Uns);
    }

    /// <summary>Evaluates an already validated pair.</summary>
    /// <param name="realUns">The real AnnData's uns, searched for GEARS' rank_genes_groups_cov_all (top-20 DE genes).</param>
    public static PerturbationEvaluation Evaluate(PerturbationPair pair, PerturbationEvalOptions options,
        IReadOnlyDictionary<string, object?>? realUns = null)
    {
        var threads = Math.Max(1, options.NumThreads);
        var perts = pair.Perturbations;
        var work = 2.0 * perts.Length + 2.0 * perts.Length;
        return Output.WithProgress("cell-eval metrics", work, report =>
        {
            var realDe = DifferentialExpression.Run(pair.Real.X, pair.Genes, pair.Real.Groups, pair.Control, perts, threads, report);
            var predDe = DifferentialExpression.Run(pair.Pred.X, pair.Genes, pair.Pred.Groups, pair.Control, perts, threads, report);
            var de = new DeComparison(realDe, predDe);

            var rows = new List<MetricRow>();
            rows.AddRange(TopKOverlap.Compute(de));
            rows.AddRange(SignificantGeneMetrics.Compute(de));
            rows.AddRange(DeClassificationAuc.Compute(de));
            rows.AddRange(PseudobulkMetrics.Compute(pair));
            rows.AddRange(DiscriminationScore.Compute(pair));
            rows.AddRange(EnergyDistance.Compute(pair, threads, report));
            string? algorithm = null;
            if (options.ClusteringAgreement)
            {
                rows.AddRange(ClusteringAgreement.Compute(pair, options.LeidenSeed));
                algorithm = ClusteringAgreement.AlgorithmName;
            }

            var metrics = MetricCatalogue.All.Select(m => m.Name)
                .Where(m => options.ClusteringAgreement || m != "clustering_agreement").ToArray();
            var unknown = rows.Select(r => r.Metric).Distinct().Except(metrics).ToArray();
            if (unknown.Length > 0) throw new InvalidOperationException("metrics missing from the catalogue: " + string.Join(", ", unknown));
            var table = new ResultsTable(perts, metrics, rows);
            var papers = PaperPearsonMetrics.Compute(pair, realUns);
            return new PerturbationEvaluation(rows, table, realDe, predDe, algorithm, papers);
        });
    }
}
