using ScRepro.Evaluation.Perturbation;
using ScRepro.Evaluation.Perturbation.Clustering;

namespace ScRepro.Evaluation.Tests.Perturbation;

public sealed class ClusteringAgreementTests
{
    [Theory]
    // sklearn.metrics.adjusted_mutual_info_score (sklearn 1.2.1) on these label vectors.
    [InlineData(new[] { 0, 0, 1, 1, 2, 2 }, new[] { 0, 0, 1, 1, 1, 1 }, 0.6153846153846159)]
    [InlineData(new[] { 0, 0, 0, 1, 1, 1, 2, 2 }, new[] { 1, 1, 0, 0, 0, 2, 2, 2 }, 0.31967265056964705)]
    [InlineData(new[] { 0, 1, 2, 3 }, new[] { 0, 0, 0, 0 }, 0.0)]
    public void Should_match_sklearn_adjusted_mutual_information(int[] a, int[] b, double expected) =>
        Assert.Equal(expected, AdjustedMutualInformation.Score(a, b), 12);

    [Fact]
    public void Should_find_two_cliques_joined_by_one_weak_edge()
    {
        // Two 5-cliques with a single 0.1 edge between them: the modularity optimum at resolution 1 is the two cliques.
        var w = new double[10, 10];
        for (var i = 0; i < 10; i++)
            for (var j = 0; j < 10; j++)
                if (i != j && i / 5 == j / 5) w[i, j] = 1;
        w[4, 5] = w[5, 4] = 0.1;
        var labels = Leiden.Run(WeightedGraph.FromSymmetric(w), 1.0, 2, 0);
        Assert.Equal(2, labels.Distinct().Count());
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(labels[0], labels[i]));
        Assert.All(Enumerable.Range(5, 5), i => Assert.Equal(labels[5], labels[i]));
    }

    [Fact]
    public void Should_split_a_ring_of_cliques_into_its_cliques()
    {
        // The ring of 6 triangles: each triangle is one community at resolution 1 (a classic modularity example).
        var n = 18;
        var w = new double[n, n];
        for (var t = 0; t < 6; t++)
        {
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++)
                    if (i != j) w[3 * t + i, 3 * t + j] = 1;
            var a = 3 * t + 2;
            var b = (3 * t + 3) % n;
            w[a, b] = w[b, a] = 1;
        }
        var labels = Leiden.Run(WeightedGraph.FromSymmetric(w), 1.0, 2, 42);
        Assert.Equal(6, labels.Distinct().Count());
        for (var t = 0; t < 6; t++) Assert.Equal(labels[3 * t], labels[3 * t + 2]);
    }

    [Fact]
    public void Should_give_one_when_pred_equals_real()
    {
        // Same centroids on both sides → same graph → same clustering at resolution 1 → AMI 1.
        var fx = FixtureCase.Load("basic");
        var eval = PerturbationEvaluator.Evaluate(fx.Real(), fx.Real(), new PerturbationEvalOptions
        {
            PertCol = fx.PertCol, ControlPert = fx.Control, ClusteringAgreement = true,
        });
        Assert.All(eval.Results.Column("clustering_agreement"), v => Assert.Equal(1.0, v));
        Assert.Contains("Leiden", eval.ClusteringAlgorithm);
    }

    [Fact]
    public void Should_stay_within_zero_and_one_for_a_different_prediction()
    {
        var fx = FixtureCase.Load("basic");
        var eval = PerturbationEvaluator.Evaluate(fx.Real(), fx.Pred(), new PerturbationEvalOptions
        {
            PertCol = fx.PertCol, ControlPert = fx.Control, ClusteringAgreement = true,
        });
        var v = eval.Results.Column("clustering_agreement").Distinct().Single()!.Value;
        Assert.InRange(v, 0.0, 1.0);
    }
}
