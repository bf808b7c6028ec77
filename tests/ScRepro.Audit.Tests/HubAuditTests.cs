using ScRepro.Audit.Model;
using ScRepro.Testing;

namespace ScRepro.Audit.Tests;

/// <summary>
/// `--hub` mode against a fake Hub on 127.0.0.1 serving the published scGPT folder in the documented JSON shapes
/// (research note §2.7): the same audit as --dir, plus the Hub's own identity checks, pagination, errors and replay.
/// </summary>
[Collection("audit project")]
public sealed class HubAuditTests(AuditProject project)
{
    private const string Repo = "screpro/demo-scgpt";

    private AuditOptions Options(FakeHub hub, string? revision = null, string? store = null) => new()
    {
        Root = store ?? FreshRoot(), Hub = $"{Repo}@{revision ?? hub.Sha}", HubEndpoint = hub.Endpoint,
        Experiment = "demo", Model = "scgpt_perturbation_cpu", CodeRepo = project.Root, Level = AuditLevel.Provenance,
        Out = Path.Combine(project.Root, "audits", Guid.NewGuid().ToString("N")[..8]), CommandLine = "test",
    };

    /// <summary>A project root of its own per test (manifests and data shared by link-free copy of what the audit reads).</summary>
    private string FreshRoot()
    {
        var root = Path.Combine(project.Root, "hubroots", Guid.NewGuid().ToString("N")[..8]);
        CopyTree(Path.Combine(project.Root, "manifests"), Path.Combine(root, "manifests"));
        CopyTree(Path.Combine(project.Root, "data", "locks"), Path.Combine(root, "data", "locks"));
        return root;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }

    private static AuditCheck Check(AuditOutcome o, string id) => o.Report.Checks.Single(c => c.Id == id);

    [Fact]
    public void Should_reproduce_a_pinned_revision_downloaded_from_the_hub()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "happy");
        var options = Options(hub);
        var outcome = AuditEngine.Run(options);
        Assert.True(outcome.Report.Verdict == "REPRODUCED", outcome.Report.VerdictLine);
        Assert.Equal("provenance", outcome.Report.Level);
        foreach (var id in new[] { "A1", "A2", "A3", "A6", "B1", "B2", "B3", "B4" }) Assert.Equal(CheckStatus.Pass, Check(outcome, id).Status);
        Assert.Equal(hub.Sha, outcome.Report.Subject.ResolvedSha);
        Assert.All(outcome.Report.Files, f => Assert.True(f.HubMatch));
        // LFS files went through the 302 to the CDN; paths-info was asked; every raw response is stored with its hash.
        Assert.Contains(hub.Requests, r => r.StartsWith("GET /cdn/", StringComparison.Ordinal));
        Assert.Contains(hub.Requests, r => r.StartsWith($"POST /api/models/{Repo}/paths-info/{hub.Sha}", StringComparison.Ordinal));
        Assert.Contains(outcome.Report.HubResponses, h => h.Path.EndsWith($"_api/{hub.Sha}/revision.json", StringComparison.Ordinal));
        Assert.All(outcome.Report.HubResponses, h => Assert.Equal(Core.Hashing.FileHasher.Sha256(Path.Combine(options.Root, h.Path)), h.Sha256));
        Assert.Equal(Path.Combine(options.Root, "data", "hub", "screpro__demo-scgpt", hub.Sha), outcome.Report.Subject.Folder);
    }

    [Fact]
    public void Should_walk_every_page_of_the_tree()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "pages") { PageSize = 1 };
        var outcome = AuditEngine.Run(Options(hub));
        // Ten files (the published folder's, training-curve.png among them), one per page (the Link header's rel="next" cursor).
        Assert.Equal(10, hub.Requests.Count(r => r.StartsWith($"GET /api/models/{Repo}/tree/", StringComparison.Ordinal)));
        Assert.Equal(CheckStatus.Pass, Check(outcome, "A2").Status);
        Assert.Contains("10 files", Check(outcome, "A3").Reason);
    }

    [Fact]
    public void Should_break_when_a_served_byte_differs_at_the_same_size()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "flip");
        hub.FlipByte.Add("best_model.pt");
        var outcome = AuditEngine.Run(Options(hub));
        Assert.Equal("BROKEN", outcome.Report.Verdict);
        Assert.Equal(4, outcome.ExitCode);
        Assert.Contains("best_model.pt: sha256", Check(outcome, "A3").Reason);
        Assert.Contains("Hub lfs.oid", Check(outcome, "A3").Reason);
    }

    [Fact]
    public void Should_break_when_siblings_and_tree_disagree()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "siblings");
        hub.SiblingLfsOverride["best_model.pt"] = new string('0', 64);
        var outcome = AuditEngine.Run(Options(hub));
        Assert.Equal(CheckStatus.Fail, Check(outcome, "A2").Status);
        Assert.Contains("best_model.pt: siblings lfs.sha256 0000", Check(outcome, "A2").Reason);
    }

    [Fact]
    public void Should_warn_on_a_branch_revision_and_print_the_resolved_sha()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "branch");
        var outcome = AuditEngine.Run(Options(hub, "main"));
        Assert.Equal("DRIFTED", outcome.Report.Verdict);
        Assert.Equal(CheckStatus.Warn, Check(outcome, "A1").Status);
        Assert.Contains($"'main' → {hub.Sha}; re-run with --revision {hub.Sha}", Check(outcome, "A1").Reason);
    }

    [Fact]
    public void Should_accept_a_url_encoded_pull_request_revision()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "pr");
        var outcome = AuditEngine.Run(Options(hub, "refs/pr/1"));
        Assert.Contains(hub.Requests, r => r == $"GET /api/models/{Repo}/revision/refs%2Fpr%2F1?blobs=true");
        Assert.Equal(hub.Sha, outcome.Report.Subject.ResolvedSha);
    }

    [Fact]
    public void Should_break_when_the_branch_moves_during_the_audit()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "moved") { ResolveCommitOverride = new string('a', 40) };
        var outcome = AuditEngine.Run(Options(hub));
        Assert.Equal("BROKEN", outcome.Report.Verdict);
        Assert.Contains($"X-Repo-Commit {new string('a', 40)} ≠ resolved {hub.Sha}", Check(outcome, "A3").Reason);
    }

    [Fact]
    public void Should_be_unverifiable_when_gated_without_a_token_and_send_the_token_only_to_the_hub()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "gated") { GatedToken = "hf_secret_test_token" };
        var outcome = AuditEngine.Run(Options(hub) with { TokenEnv = "SCREPRO_TEST_NO_SUCH_TOKEN" });
        Assert.Equal(CheckStatus.Unverifiable, Check(outcome, "A1").Status);
        Assert.Contains("GatedRepo", Check(outcome, "A1").Reason);
        Assert.NotEqual("REPRODUCED", outcome.Report.Verdict);

        Environment.SetEnvironmentVariable("SCREPRO_TEST_HUB_TOKEN", "hf_secret_test_token");
        try
        {
            var withToken = AuditEngine.Run(Options(hub) with { TokenEnv = "SCREPRO_TEST_HUB_TOKEN" });
            Assert.Equal(CheckStatus.Pass, Check(withToken, "A1").Status);
            // The CDN (LFS bytes after the redirect) never sees the token; nothing written holds it.
            Assert.All(hub.Authorizations.Where(a => a.Path.StartsWith("/cdn/", StringComparison.Ordinal)), a => Assert.Null(a.Authorization));
            foreach (var f in Directory.GetFiles(withToken.OutDir))
                Assert.DoesNotContain("hf_secret_test_token", File.ReadAllText(f));
            var store = withToken.Report.Subject.Folder[..withToken.Report.Subject.Folder.IndexOf("/data/hub/", StringComparison.Ordinal)];
            foreach (var f in Directory.GetFiles(Path.Combine(store, "data", "hub"), "*.json", SearchOption.AllDirectories))
                Assert.DoesNotContain("hf_secret_test_token", File.ReadAllText(f));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SCREPRO_TEST_HUB_TOKEN", null);
        }
    }

    [Fact]
    public void Should_break_on_a_repository_that_does_not_exist()
    {
        using var hub = new FakeHub(Repo, project.Scgpt, "missing") { Missing = true };
        var outcome = AuditEngine.Run(Options(hub));
        Assert.Equal("BROKEN", outcome.Report.Verdict);
        Assert.Contains("RepoNotFound", Check(outcome, "A1").Reason);
    }

    [Fact]
    public void Should_replay_an_audit_offline_from_the_stored_responses()
    {
        string root;
        AuditOutcome online;
        using (var hub = new FakeHub(Repo, project.Scgpt, "offline"))
        {
            var options = Options(hub, "main");
            root = options.Root;
            online = AuditEngine.Run(options);
        }
        // The server is gone: only data/hub/ is left.
        var replay = AuditEngine.Run(new AuditOptions
        {
            Root = root, Hub = $"{Repo}@main", HubEndpoint = "http://127.0.0.1:9", Offline = true, Experiment = "demo",
            Model = "scgpt_perturbation_cpu", CodeRepo = project.Root, Level = AuditLevel.Provenance,
            Out = Path.Combine(project.Root, "audits", "offline"), CommandLine = "test",
        });
        Assert.Equal(online.Report.Verdict, replay.Report.Verdict);
        Assert.Equal(online.Report.Subject.ResolvedSha, replay.Report.Subject.ResolvedSha);
        Assert.Equal(online.Report.Checks.Select(c => (c.Id, c.Status)), replay.Report.Checks.Select(c => (c.Id, c.Status)));
        Assert.Equal(online.Report.HubResponses.Select(h => h.Sha256), replay.Report.HubResponses.Select(h => h.Sha256));
    }
}
