using ScRepro.Cards;
using ScRepro.Core.Manifests;
using ScRepro.Foundation.Errors;
using ScRepro.Papers;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// Cards cite papers only from manifests/papers.lock.json: the lock is fetched from the fake services, the services are
/// stopped (and the endpoint variables pointed at a closed port), then the card renders. Expected strings follow the
/// fixtures (tests/fixtures/papers/api) and the reference rows of manifests/experiments/boiarsky_pbmc_scbert.yaml.
/// </summary>
public sealed class CardCitationTests
{
    [Fact]
    public void A_card_cites_from_a_freshly_fetched_lock_with_the_network_off()
    {
        using var dir = TestPaths.NewTempDir();
        var manifests = CopyManifests(dir);
        using (var api = new FakePaperApi())
        using (var client = new PaperClient())
        {
            var registry = PaperRegistryLoader.Load(Path.Combine(manifests, "papers.yaml"));
            PaperFetcher.Fetch(registry, Path.Combine(manifests, PaperLock.FileName),
                new PaperEndpoints(api.Biorxiv, api.Crossref, api.Doi), client, [], "test");
        }
        var saved = Environment.GetEnvironmentVariable("SCREPRO_CROSSREF_ENDPOINT");
        Environment.SetEnvironmentVariable("SCREPRO_CROSSREF_ENDPOINT", "http://127.0.0.1:9"); // nothing listens: any request would fail
        try
        {
            var cards = SyntheticCards.Render(manifests, "boiarsky_pbmc_scbert", dir).ToList();
            var scbert = cards.Single(c => c.Model.Id == "scbert_annotation").Text;
            Assert.Contains("| [Boiarsky et al. 2023, bioRxiv v1](https://doi.org/10.1101/2023.10.19.563100), Table 1: scBERT reproduced, 0.766 ± 0.013 (n=10) |", scbert);
            Assert.Contains("| [Yang 2022, Nature Machine Intelligence](https://doi.org/10.1038/s42256-022-00534-z), 5-fold cross-validation |", scbert);
            Assert.Contains("- Model: Yang, F. scBERT as a large-scale pretrained deep language model for cell type annotation of single-cell RNA-seq data. Nature Machine Intelligence 4, 852–866 (2022). https://doi.org/10.1038/s42256-022-00534-z", scbert);
            Assert.Contains("- Dataset: Zheng68K as preprocessed by scBERT", scbert);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SCREPRO_CROSSREF_ENDPOINT", saved);
        }
    }

    [Fact]
    public void Every_experiment_renders_its_citations_from_the_committed_lock()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "manifests", "experiments"), "*.yaml"))
        {
            using var dir = TestPaths.NewTempDir();
            foreach (var (_, card, _) in SyntheticCards.Render(Path.Combine(TestPaths.RepoRoot, "manifests"), Path.GetFileNameWithoutExtension(file), dir))
            {
                Assert.All(card.References, r => Assert.StartsWith("[", r.Source, StringComparison.Ordinal));
                Assert.Contains(card.Citations, c => c.Contains("https://doi.org/10.", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_card_citing_a_paper_absent_from_the_lock_is_a_clear_error()
    {
        using var dir = TestPaths.NewTempDir();
        var manifests = CopyManifests(dir);
        var lockFile = Path.Combine(manifests, PaperLock.FileName);
        var document = PaperLock.ReadRaw(lockFile)!;
        document.Papers.Remove("boiarsky2023");
        PaperLock.Write(lockFile, document);
        var e = Assert.Throws<ScReproException>(() => SyntheticCards.Render(manifests, "boiarsky_pbmc_lr", dir).ToList());
        Assert.Contains("paper 'boiarsky2023' is not in", e.Message, StringComparison.Ordinal);
        Assert.Contains("papers.lock.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("run `screpro papers fetch`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_pinning_another_version_than_the_registry_is_refused()
    {
        using var dir = TestPaths.NewTempDir();
        var manifests = CopyManifests(dir);
        var registry = Path.Combine(manifests, "papers.yaml");
        File.WriteAllText(registry, File.ReadAllText(registry).Replace("    version: 1                 # seed 001", "    version: 2                 # seed 001"));
        var e = Assert.Throws<ScReproException>(() => SyntheticCards.Render(manifests, "boiarsky_pbmc_lr", dir).ToList());
        Assert.Contains("key 'papers.boiarsky2023': pins 10.1101/2023.10.19.563100 v1 but", e.Message, StringComparison.Ordinal);
    }

    private static string CopyManifests(TempDir dir)
    {
        var manifests = Path.Combine(dir.Path, "manifests");
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "manifests"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(manifests, Path.GetRelativePath(Path.Combine(TestPaths.RepoRoot, "manifests"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return manifests;
    }
}
