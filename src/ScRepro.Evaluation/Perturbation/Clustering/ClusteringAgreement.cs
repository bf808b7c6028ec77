namespace ScRepro.Evaluation.Perturbation.Clustering;

/// <summary>
/// clustering_agreement (cell-eval metrics/_anndata.py ClusteringAgreement, global): centroids of every perturbation on each
/// side (control dropped), a scanpy-style fuzzy kNN graph with min(15, n−1) neighbours, Leiden at resolution 1.0 on real and
/// at 0.2 … 2.0 on pred, and the best AMI, floored at 0. Our Leiden and RNG are not igraph's, so the value can differ from
/// cell-eval's (the one metric allowed to); <see cref="AlgorithmName"/> says what made it.
/// </summary>
public static class ClusteringAgreement
{
    /// <summary>What the card prints beside clustering_agreement.</summary>
    public const string AlgorithmName =
        "ScRepro Leiden (Traag et al. 2019; modularity, theta 0.01, 2 iterations, SplitMix64 seed) on UMAP fuzzy kNN connectivities of centroids";

    public static readonly double[] PredResolutions = [0.2, 0.4, 0.6, 0.8, 1.0, 1.5, 2.0];
    public const double RealResolution = 1.0;

    public static IEnumerable<MetricRow> Compute(PerturbationPair pair, int seed)
    {
        var perts = pair.Perturbations;
        double value;
        if (perts.Length < 3)
        {
            // cell-eval's scanpy call fails below ~3 perturbations and the metric goes missing; we record NaN instead.
            value = double.NaN;
        }
        else
        {
            var k = Math.Min(15, perts.Length - 1);
            var real = Cluster(perts.Select(p => pair.Real.Mean(p)).ToArray(), k, RealResolution, seed);
            var predPoints = perts.Select(p => pair.Pred.Mean(p)).ToArray();
            var predGraph = WeightedGraph.FromSymmetric(FuzzyKnnGraph.Connectivities(predPoints, k));
            value = 0.0;
            foreach (var r in PredResolutions)
            {
                var pred = Leiden.Run(predGraph, r, 2, (ulong)seed);
                value = Math.Max(value, AdjustedMutualInformation.Score(real, pred));
            }
        }
        return perts.Select(p => new MetricRow(p, "clustering_agreement", value));
    }

    private static int[] Cluster(double[][] points, int k, double resolution, int seed) =>
        Leiden.Run(WeightedGraph.FromSymmetric(FuzzyKnnGraph.Connectivities(points, k)), resolution, 2, (ulong)seed);
}
