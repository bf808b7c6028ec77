using System.Diagnostics;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// The whole DAG on a shrunken copy of the demo in a temporary git repository: cards carry HEAD, a second run skips
/// everything, a model manifest edit re-runs only that model, a tampered data file stops the run naming both hashes,
/// and --release refuses a dirty tree.
/// </summary>
[Collection("Sequential")]
public sealed class DemoPipelineTests
{
    private static readonly string[] Stages = ["download", "hash", "split", "train", "evaluate", "card"];

    private static Dictionary<string, int> RunAll(string root, bool release = false)
    {
        var ran = new Dictionary<string, int>();
        foreach (var stage in Stages)
        {
            var ctx = PipelineSession.Open(root, "demo", force: false, release: release, "test");
            ran[stage] = PipelineSession.Run(ctx, stage);
        }
        return ran;
    }

    [Fact]
    public void Should_run_the_demo_end_to_end_then_skip_then_rerun_only_what_changed()
    {
        using var dir = DemoProject.Create();
        var head = dir.GitOut("rev-parse", "HEAD");
        var first = RunAll(dir.Root);
        Assert.All(Stages, s => Assert.True(first[s] > 0, $"{s} ran nothing on the first run"));
        var cards = Path.Combine(dir.Root, "reports", head[..7], "demo");
        var card = File.ReadAllText(Path.Combine(cards, "additive", "MODEL_CARD.md"));
        Assert.Contains($"Source code commit: `{head}` (clean tree", card);
        Assert.Contains("SIMULATED", card);
        Assert.True(File.Exists(Path.Combine(cards, "comparison", "COMPARISON.md")));
        foreach (var folder in Directory.GetDirectories(cards).Where(d => Path.GetFileName(d) != "comparison"))
        {
            var text = File.ReadAllText(Path.Combine(folder, "MODEL_CARD.md"));
            // Every file in the card's folder is named in its Files table, and its front matter is Hub metadata.
            foreach (var file in Directory.GetFiles(folder))
                Assert.Contains($"| `{Path.GetFileName(file)}` |", text);
            HubCardYaml.AssertHubValid(text, Core.Manifests.HubLicenses.Ids);
        }
        // The scGPT card's budget table says what it trained on and in which precision (the manifest sets amp: false).
        var scgpt = File.ReadAllText(Path.Combine(cards, "scgpt_perturbation_cpu", "MODEL_CARD.md"));
        Assert.Matches(@"\| wall clock \| .* on .*, CPU \(\d+ cores, \d+ torch threads\) \|", scgpt);
        Assert.Contains("| precision | fp32 (hyperparameters.amp is false) |", scgpt);
        Assert.DoesNotContain("| precision |", card);
        Assert.Contains("- Random draws differ from the original code's: control pairing, shuffling and gene subsets drawn from seeded generators (scGPT/GEARS draw unseeded).", scgpt); // a closed-form baseline has no precision to report

        // Figures beside the pages: linked with alt text, pinned in the Files table, recorded as outputs in the stamp;
        // the trained model's card has its training curve, the closed-form baseline's has none and no Figures section.
        var figures = new Dictionary<string, string[]>
        {
            ["comparison"] = ["distribution.png", "delta.png"], ["scgpt_perturbation_cpu"] = ["training-curve.png"], ["additive"] = [],
        };
        var before = new Dictionary<string, byte[]>();
        foreach (var (folder, pngs) in figures)
        {
            var path = Path.Combine(cards, folder);
            var page = File.ReadAllText(Path.Combine(path, folder == "comparison" ? "COMPARISON.md" : "MODEL_CARD.md"));
            var outputs = Stamps.StampStore.Read(path)!.Outputs!;
            Assert.Equal(pngs.Order(StringComparer.Ordinal), outputs.Keys.Where(k => k.EndsWith(".png", StringComparison.Ordinal)));
            Assert.Equal(pngs.Length > 0, page.Contains("## Figures", StringComparison.Ordinal));
            foreach (var png in pngs)
            {
                var bytes = File.ReadAllBytes(Path.Combine(path, png));
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
                Assert.Matches($@"!\[[^\]]+\]\({png.Replace(".", "\\.")}\)", page);
                Assert.Contains($"| `{png}` | `{Core.Hashing.FileHasher.Sha256(Path.Combine(path, png))}` |", page);
                Assert.Equal(outputs[png], Core.Hashing.FileHasher.Sha256(Path.Combine(path, png)));
                before[$"{folder}/{png}"] = bytes;
            }
        }

        var second = RunAll(dir.Root);
        Assert.All(Stages, s => Assert.Equal(0, second[s]));
        // Rendered again from the same inputs (forced), every figure has the same bytes.
        PipelineSession.Run(PipelineSession.Open(dir.Root, "demo", force: true, release: false, "test"), "card");
        foreach (var (name, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(cards, name))), $"{name} changed when rendered again");

        // Editing one model manifest dirties the tree, but only under manifests/: the other models are reused.
        var manifest = Path.Combine(dir.Root, "manifests/models/linear_pca_ridge.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("ridge_lambda: 0.1", "ridge_lambda: 0.5"));
        var third = RunAll(dir.Root);
        Assert.Equal(0, third["download"]);
        Assert.Equal(0, third["split"]);
        Assert.Equal(1, third["train"]);
        Assert.Equal(1, third["evaluate"]);
        Assert.Equal(2, third["card"]); // that model's card and the comparison page
        Assert.True(File.Exists(Path.Combine(dir.Root, "reports", head[..7] + "-dirty", "demo", "additive", "MODEL_CARD.md")));
    }

    [Fact]
    public void Should_stop_on_a_tampered_data_file_naming_both_hashes()
    {
        using var dir = DemoProject.Create();
        RunAll(dir.Root);
        var data = Path.Combine(dir.Root, "data", "demo", "perturbation.h5ad");
        var bytes = File.ReadAllBytes(data);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(data, bytes);
        var ctx = PipelineSession.Open(dir.Root, "demo", false, false, "test");
        var e = Assert.Throws<ScReproException>(() => PipelineSession.Run(ctx, "hash"));
        Assert.Contains("perturbation.h5ad", e.Message);
        Assert.Matches("expected [0-9a-f]{64}.*actual [0-9a-f]{64}", e.Message);
    }

    [Fact]
    public void Should_refuse_a_dirty_tree_with_release_before_any_work()
    {
        using var dir = DemoProject.Create();
        File.AppendAllText(Path.Combine(dir.Root, "manifests/models/additive.yaml"), "\n# edited\n");
        var e = Assert.Throws<ScReproException>(() => PipelineSession.Open(dir.Root, "demo", false, release: true, "test"));
        Assert.Contains("--release refuses a dirty working tree", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir.Root, "data")));
    }

    [Fact]
    public void Should_generate_byte_identical_files_from_the_same_seed()
    {
        using var a = DemoProject.Create();
        using var b = DemoProject.Create();
        foreach (var d in new[] { a, b })
            PipelineSession.Run(PipelineSession.Open(d.Root, "demo", false, false, "test"), "download");
        foreach (var f in new[] { "perturbation.h5ad", "annotation.h5ad" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Root, "data/demo", f)), File.ReadAllBytes(Path.Combine(b.Root, "data/demo", f)));
    }
}
