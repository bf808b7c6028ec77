using ScRepro.Audit.Model;
using ScRepro.Testing;

namespace ScRepro.Audit.Tests;

/// <summary>
/// The seed card (matthewshu/scGPT-norman-ft, tests/fixtures/audit/seed000: the card's text and a TrainStats file
/// transcribed from it, no weights) against ScRepro's scgpt_perturbation manifest: DRIFTED at provenance, with the three
/// recipe differences the card's own "Known limitations" admit (research note §2.5 walk-through).
/// </summary>
public sealed class SeedCardTests
{
    private static AuditOutcome Audit(TempDir tmp, bool failOnDrifted = false) => AuditEngine.Run(new AuditOptions
    {
        Root = TestPaths.RepoRoot, Dir = TestPaths.Fixture("audit", "seed000"), Model = "scgpt_perturbation",
        Out = tmp.Path, FailOnDrifted = failOnDrifted, CommandLine = "test",
    });

    [Fact]
    public void Should_audit_the_seed_card_drifted_at_provenance_listing_its_three_recipe_differences()
    {
        using var tmp = TestPaths.NewTempDir();
        var outcome = Audit(tmp);
        Assert.Equal("DRIFTED", outcome.Report.Verdict);
        Assert.Equal("provenance", outcome.Report.Level);
        Assert.Equal(0, outcome.ExitCode);
        var differs = outcome.Report.Recipe.Where(r => r.State == "differs").Select(r => (r.Key, r.Claimed, r.Manifest)).ToList();
        // Claimed values are the card's ("dropout=0.2 and pert_pad_id=2", "all-gene val pearson"); the manifest's are
        // manifests/models/scgpt_perturbation.yaml's (the tutorial's dropout 0, pert_pad_id 0, pearson_delta).
        Assert.Equal([("budget.early_stopping_metric", "pearson", "pearson_delta"), ("dropout", "0.2", "0"), ("pert_pad_id", "2", "0")], differs);
        var checks = outcome.Report.Checks.ToDictionary(c => c.Id);
        Assert.Equal(CheckStatus.Warn, checks["B4"].Status);
        // 12,420 steps × 64 = 794,880 cells seen, as the card's budget table says.
        Assert.Equal(CheckStatus.Pass, checks["B3"].Status);
        Assert.Contains("cells_seen = 12420 × 64", checks["B3"].Reason);
        Assert.Equal(CheckStatus.Unverifiable, checks["A4"].Status);   // the card names files but pins no hash
        Assert.Equal(CheckStatus.Unverifiable, checks["A6"].Status);   // no weights in the folder
        Assert.Equal(CheckStatus.Unverifiable, checks["B2"].Status);   // "sc-interp" names no repository to look da2a582 up in
        Assert.Equal(CheckStatus.Unverifiable, checks["B7"].Status);   // Google Drive base
        Assert.Equal(CheckStatus.Unverifiable, checks["C"].Status);    // no predictions
        Assert.Equal(3, Audit(tmp, failOnDrifted: true).ExitCode);
    }

    [Fact]
    public void Should_read_the_seed_cards_claims_from_its_body()
    {
        var card = Cards.CardClaims.From(Cards.CardParser.Read(TestPaths.Fixture("audit", "seed000", "README.md")));
        Assert.Equal("da2a582", card.Commit);
        Assert.Contains(card.NamedPaths, p => p.Text == "scripts/run_scgpt.py");
        Assert.Contains(card.NamedPaths, p => p.Text == "data/norman/manifest.yaml");
        // 29 metric rows × mean, median, max (the seed card's cell-eval table).
        Assert.Equal(29 * 3, card.Metrics.Count);
        Assert.Contains(card.Metrics, m => m.Name == "pearson_delta" && m.Statistic == "mean" && m.Value == 0.5067);
        Assert.Equal("794,880", card.Budget["cells seen"].Text);
        Assert.False(card.MadeByScRepro);
    }

    [Fact]
    public void Should_find_the_seed_commit_in_a_code_repository_and_name_a_missing_runner()
    {
        using var repo = TestPaths.NewTempDir();
        using var tmp = TestPaths.NewTempDir();
        void Git(params string[] args)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = repo.Path, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false" }.Concat(args)) psi.ArgumentList.Add(a);
            using var p = System.Diagnostics.Process.Start(psi)!;
            p.WaitForExit();
        }
        // A tiny repository holding the dataset manifest but not the runner the card names.
        Directory.CreateDirectory(Path.Combine(repo.Path, "data/norman"));
        File.WriteAllText(Path.Combine(repo.Path, "data/norman/manifest.yaml"), "name: norman\n");
        Git("init", "-q", "-b", "main");
        Git("add", "-A");
        Git("commit", "-q", "-m", "x");
        var head = Core.Provenance.GitInfo.Read(repo.Path).Commit;
        var card = File.ReadAllText(TestPaths.Fixture("audit", "seed000", "README.md")).Replace("`da2a582`", $"`{head[..7]}`");
        using var folder = TestPaths.NewTempDir();
        File.WriteAllText(folder.File("README.md"), card);
        File.Copy(TestPaths.Fixture("audit", "seed000", "training_stats.json"), folder.File("training_stats.json"));
        var outcome = AuditEngine.Run(new AuditOptions { Root = TestPaths.RepoRoot, Dir = folder.Path, CodeRepo = repo.Path, Out = tmp.Path, CommandLine = "test" });
        var b2 = outcome.Report.Checks.Single(c => c.Id == "B2");
        Assert.Equal(CheckStatus.Fail, b2.Status);
        Assert.Contains($"commit {head} has no scripts/run_scgpt.py", b2.Reason);
        var missing = AuditEngine.Run(new AuditOptions { Root = TestPaths.RepoRoot, Dir = TestPaths.Fixture("audit", "seed000"), CodeRepo = repo.Path, Out = tmp.Path, CommandLine = "test" });
        Assert.Contains("commit da2a582 does not exist", missing.Report.Checks.Single(c => c.Id == "B2").Reason);
    }
}
