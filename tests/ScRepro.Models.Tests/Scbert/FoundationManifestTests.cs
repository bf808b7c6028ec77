using ScRepro.Core.Manifests;
using ScRepro.Models.Geneformer;
using ScRepro.Models.Scbert;
using ScRepro.Models.Training;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Scbert;

/// <summary>Every scBERT and Geneformer model manifest reads strictly through its recipe, and the paper rows carry the published settings.</summary>
public sealed class FoundationManifestTests
{
    private static string Dir => Path.Combine(TestPaths.RepoRoot, "manifests", "models");

    public static TheoryData<string> Manifests() => new(Directory.GetFiles(Dir, "*.yaml")
        .Where(f => Path.GetFileName(f).StartsWith("scbert", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("geneformer", StringComparison.Ordinal))
        .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Should_read_every_scbert_and_geneformer_manifest_strictly(string file)
    {
        var m = ManifestLoader.LoadModel(Path.Combine(Dir, file));
        if (m.Kind == "scbert_annotation") ScbertRecipe.FromHyperparameters(m.Hyperparameters, file);
        else GeneformerRecipe.FromHyperparameters(m.Hyperparameters, file);
        new TrainingBudget((int?)m.Budget.Epochs, m.Budget.MaxSteps, m.Budget.MaxWallClockS, m.Budget.EarlyStoppingMetric, (int?)m.Budget.Patience).Validated(file);
    }

    [Fact]
    public void Should_carry_boiarskys_and_upstreams_scbert_settings()
    {
        // annotation-models.md §1.4: Boiarsky batch 32 × 1, layers[-1], CE weighted 1/count, 10 epochs; upstream batch 3 × 60, layers[-2], unweighted.
        var b = ScbertRecipe.FromHyperparameters(ManifestLoader.LoadModel(Path.Combine(Dir, "scbert_annotation.yaml")).Hyperparameters, "b");
        Assert.Equal((32, 1, TrainableLayer.Boiarsky, "inverse_frequency"), (b.BatchSize, b.GradAccumulation, b.TrainableLayer, b.ClassWeight));
        var u = ScbertRecipe.FromHyperparameters(ManifestLoader.LoadModel(Path.Combine(Dir, "scbert_annotation_upstream.yaml")).Hyperparameters, "u");
        Assert.Equal((3, 60, TrainableLayer.Upstream, "none"), (u.BatchSize, u.GradAccumulation, u.TrainableLayer, u.ClassWeight));
        // The two ablations: random weights keeping gene2vec; pretrained without any position rows.
        var np = ScbertRecipe.FromHyperparameters(ManifestLoader.LoadModel(Path.Combine(Dir, "scbert_annotation_nopretrain.yaml")).Hyperparameters, "np");
        var ng = ScbertRecipe.FromHyperparameters(ManifestLoader.LoadModel(Path.Combine(Dir, "scbert_annotation_nog2v.yaml")).Hyperparameters, "ng");
        Assert.Equal(("scratch", PositionEmbedding.Gene2Vec), (np.Init, np.Architecture.PositionEmbedding));
        Assert.Equal(("pretrained", PositionEmbedding.None), (ng.Init, ng.Architecture.PositionEmbedding));
    }
}
