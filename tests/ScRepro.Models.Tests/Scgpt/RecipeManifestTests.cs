using ScRepro.Contracts;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Training;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class RecipeManifestTests
{
    public static TheoryData<string> Manifests() => new(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "manifests", "models"), "scgpt*.yaml")
        .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Should_load_every_scgpt_manifest_strictly(string file)
    {
        var m = ManifestLoader.LoadModel(Path.Combine(TestPaths.RepoRoot, "manifests", "models", file));
        var recipe = ScgptRecipe.FromHyperparameters(m.Hyperparameters, m.Task, file);
        new TrainingBudget((int?)m.Budget.Epochs, m.Budget.MaxSteps, m.Budget.MaxWallClockS, m.Budget.EarlyStoppingMetric, (int?)m.Budget.Patience).Validated(file);
        Assert.Equal(m.Task == ModelTask.Annotation, recipe.Variant == ScgptVariant.Classifier);
    }

    [Fact]
    public void Should_carry_the_tutorial_perturbation_recipe()
    {
        // Tutorial_Perturbation @7301b51 (spec §4.1-4.2): dropout 0, pert_pad_id 0, lr 1e-4, StepLR 0.9, 15 epochs, batch 64.
        var m = ManifestLoader.LoadModel(Path.Combine(TestPaths.RepoRoot, "manifests", "models", "scgpt_perturbation.yaml"));
        var r = ScgptRecipe.FromHyperparameters(m.Hyperparameters, m.Task, "scgpt_perturbation.yaml");
        Assert.Equal((0.0, 0, 1e-4, 0.9, 64, 1536, "scgpt_human"), (r.Dropout, r.PertPadId, r.Lr, r.ScheduleGamma, r.BatchSize, r.MaxSeqLen, r.Pretrained));
        Assert.Equal((15L, "pearson_delta"), (m.Budget.Epochs!.Value, m.Budget.EarlyStoppingMetric));
    }

    [Fact]
    public void Should_keep_the_cpu_configs_small()
    {
        foreach (var file in new[] { "scgpt_perturbation_cpu.yaml", "scgpt_annotation_cpu.yaml" })
        {
            var m = ManifestLoader.LoadModel(Path.Combine(TestPaths.RepoRoot, "manifests", "models", file));
            var r = ScgptRecipe.FromHyperparameters(m.Hyperparameters, m.Task, file);
            Assert.InRange(r.NLayers, 2, 4);
            Assert.InRange(r.DModel, 64, 128);
            Assert.Null(r.Pretrained);
        }
    }

    [Theory]
    [InlineData("learning_rate", 0.1, "unknown key 'learning_rate'")]
    [InlineData("batch_size", 0L, "'batch_size' must be a positive integer")]
    [InlineData("dropout", 1.5, "'dropout' must be a number")]
    public void Should_reject_a_bad_hyperparameter_naming_the_key(string key, object value, string expected)
    {
        var e = Assert.Throws<ScReproException>(() =>
            ScgptRecipe.FromHyperparameters(new Dictionary<string, object?> { [key] = value }, ModelTask.Perturbation, "m.yaml"));
        Assert.Contains("m.yaml", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Should_refuse_a_classifier_for_perturbation()
    {
        var e = Assert.Throws<ScReproException>(() =>
            ScgptRecipe.FromHyperparameters(new Dictionary<string, object?> { ["variant"] = "classifier" }, ModelTask.Perturbation, "m.yaml"));
        Assert.Contains("'variant'", e.Message);
    }
}
