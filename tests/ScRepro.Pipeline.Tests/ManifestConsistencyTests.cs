using System.Text.RegularExpressions;
using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// A card's claims may not contradict its recipe: a limitation printed on the card comes from the model manifest, so
/// the manifest's own limitations must agree with its hyperparameters (../shared/research/audit-nightly-references.md
/// §1.5 found "ScRepro trains in fp32" beside amp: true, which trains in fp16 on CUDA).
/// </summary>
public sealed partial class ManifestConsistencyTests
{
    public static TheoryData<string> Models() =>
        new(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "manifests", "models"), "*.yaml").Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_not_claim_a_precision_the_recipe_does_not_train_in(string file)
    {
        var model = ManifestLoader.LoadModel(file);
        var amp = model.Hyperparameters.TryGetValue("amp", out var a) && a is true;
        foreach (var limitation in model.Limitations)
        {
            // With amp: true the model trains in fp16 on CUDA; a flat "trains in fp32/float32" is only true on a CPU.
            if (amp && FlatFp32().IsMatch(limitation) && !limitation.Contains("CPU", StringComparison.Ordinal))
                Assert.Fail($"{file}: amp: true, but a limitation says it trains in fp32: {limitation}");
            // With amp off there is no fp16 training to speak of.
            if (!amp && Fp16Training().IsMatch(limitation))
                Assert.Fail($"{file}: amp is off, but a limitation says it trains with fp16: {limitation}");
        }
    }

    [GeneratedRegex(@"trains? (in|with) (fp32|float32)", RegexOptions.IgnoreCase)]
    private static partial Regex FlatFp32();

    [GeneratedRegex(@"(ScRepro|it) trains? (in|with) (fp16|float16|half)", RegexOptions.IgnoreCase)]
    private static partial Regex Fp16Training();
}
