using System.Diagnostics;
using System.Text.Json;
using ScRepro.Audit.Cards;
using ScRepro.Audit.Model;
using ScRepro.Audit.Publishing;
using ScRepro.Testing;

namespace ScRepro.Audit.Tests;

/// <summary>
/// The issue's acceptance path: a demo model published with `screpro publish` audits REPRODUCED at the highest level
/// with `--dir`; copies damaged the ways a real upload goes wrong get the right verdict, exit code and a reason that
/// names the file and the field.
/// </summary>
[Collection("audit project")]
public sealed class PublishAuditTests(AuditProject project)
{
    private static AuditCheck Check(AuditOutcome o, string id) => o.Report.Checks.Single(c => c.Id == id);

    [Fact]
    public void Should_write_the_upload_folder_with_parseable_front_matter_and_a_sha256_manifest()
    {
        var files = Directory.GetFiles(project.Scgpt).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["README.md", "SHA256SUMS", "args.json", "best_model.pt", "predictions.h5ad", "split.json", "summary.json", "training-curve.png", "training_stats.json", "vocab.json"], files);
        var card = CardParser.Read(Path.Combine(project.Scgpt, "README.md"));
        // The card's figure lies beside README.md, linked from it and pinned in its Files table (issue 14 item 2).
        var readme = File.ReadAllText(Path.Combine(project.Scgpt, "README.md"));
        Assert.Contains("](training-curve.png)", readme);
        Assert.Contains($"| `training-curve.png` | `{Core.Hashing.FileHasher.Sha256(Path.Combine(project.Scgpt, "training-curve.png"))}` |", readme);
        Assert.False(File.Exists(Path.Combine(project.Baseline, "training-curve.png")));   // a closed-form fit has no epochs
        Assert.Null(card.FrontMatterError);
        // The template's task name holds ": ", which broke the unquoted front matter (research note §1.1); emitted by
        // YamlDotNet it parses back to the same text.
        var task = ((IList<object?>)((IDictionary<string, object?>)((IList<object?>)card.FrontMatter!["model-index"]!)[0]!)["results"]!)[0];
        Assert.StartsWith("perturbation response prediction (perturb-GEP): ", (string)((IDictionary<string, object?>)((IDictionary<string, object?>)task!)["task"]!)["name"]!);
        Assert.Equal("screpro", card.FrontMatter["library_name"]);
        Assert.Equal("cc0-1.0", card.FrontMatter["license"]);
        var sums = PublishManifest.Read(Path.Combine(project.Scgpt, PublishManifest.FileName));
        Assert.Equal(files.Where(f => f != "SHA256SUMS"), sums.Keys);
        foreach (var (name, sha) in sums) Assert.Equal(Core.Hashing.FileHasher.Sha256(Path.Combine(project.Scgpt, name)), sha);
        // No weights for a closed-form baseline; no temporary folders left beside the targets.
        Assert.False(File.Exists(Path.Combine(project.Baseline, "best_model.pt")));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(project.Scgpt)!, ".*"));
    }

    [Fact]
    public void Should_audit_a_published_scgpt_model_reproduced_at_predict_in_seconds()
    {
        var clock = Stopwatch.StartNew();
        var outcome = AuditEngine.Run(project.Options(project.Scgpt));
        clock.Stop();
        Assert.True(outcome.Report.Verdict == "REPRODUCED", outcome.Report.VerdictLine + "\n" + string.Join("\n", outcome.Report.Checks.Select(c => $"{c.Id} {c.Status} {c.Reason}")));
        Assert.Equal("predict", outcome.Report.Level);
        Assert.Equal(0, outcome.ExitCode);
        foreach (var id in new[] { "A3", "A4", "A6", "B1", "B2", "B3", "B4", "B5", "B6", "C", "D" }) Assert.Equal(CheckStatus.Pass, Check(outcome, id).Status);
        // Seconds, not minutes: the bound is loose because the test machine is shared.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"audit took {clock.Elapsed}");
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.OutDir, "audit.json"))).RootElement;
        Assert.Equal("screpro.audit/1", json.GetProperty("schema").GetString());
        Assert.Contains(json.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("role").GetString() == "tolerances");
        var intoto = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.OutDir, "audit.intoto.json"))).RootElement;
        Assert.Equal("https://in-toto.io/attestation/test-result/v0.1", intoto.GetProperty("predicateType").GetString());
        Assert.Equal("PASSED", intoto.GetProperty("predicate").GetProperty("result").GetString());
        Assert.Contains("D", intoto.GetProperty("predicate").GetProperty("passedTests").EnumerateArray().Select(e => e.GetString()));
        var md = File.ReadAllText(Path.Combine(outcome.OutDir, "AUDIT.md"));
        Assert.Contains("**REPRODUCED at predict**", md);
        Assert.Contains("## Re-run this audit", md);
    }

    [Fact]
    public void Should_audit_a_published_baseline_reproduced_at_predict_by_refitting_it()
    {
        var outcome = AuditEngine.Run(project.Options(project.Baseline));
        Assert.True(outcome.Report.Verdict == "REPRODUCED", outcome.Report.VerdictLine);
        Assert.Equal("predict", outcome.Report.Level);
        Assert.Equal(CheckStatus.Skipped, Check(outcome, "A6").Status);
        Assert.Contains("re-fitted (reevaluate)", Check(outcome, "D").Reason);
    }

    [Fact]
    public void Should_break_on_a_changed_checkpoint_byte_naming_the_file()
    {
        var dir = project.Copy(project.Scgpt, "byte");
        var path = Path.Combine(dir, "best_model.pt");
        var bytes = File.ReadAllBytes(path);
        // A byte in the last stored tensor's data (zip entries end with the version record, then the directory):
        // the archive stays readable, the weights change.
        var at = bytes.Length - 400;
        bytes[at] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var outcome = AuditEngine.Run(project.Options(dir));
        Assert.Equal("BROKEN", outcome.Report.Verdict);
        Assert.Equal(4, outcome.ExitCode);
        Assert.Equal(CheckStatus.Fail, Check(outcome, "A3").Status);
        Assert.Contains("best_model.pt: sha256", Check(outcome, "A3").Reason);
        Assert.Contains("best_model.pt", Check(outcome, "A4").Reason);
    }

    [Fact]
    public void Should_break_on_a_metric_edited_on_the_card_naming_line_and_metric()
    {
        var dir = project.Copy(project.Scgpt, "metric");
        var readme = Path.Combine(dir, "README.md");
        var lines = File.ReadAllLines(readme);
        var i = Array.FindIndex(lines, l => l.StartsWith("| pearson_delta |", StringComparison.Ordinal));
        var cells = lines[i].Split('|');
        cells[2] = " 0.9999 ";
        lines[i] = string.Join("|", cells);
        File.WriteAllLines(readme, lines);
        AuditProject.Reseal(dir);
        var outcome = AuditEngine.Run(project.Options(dir));
        Assert.Equal("BROKEN", outcome.Report.Verdict);
        Assert.Equal(4, outcome.ExitCode);
        Assert.Equal(CheckStatus.Pass, Check(outcome, "A3").Status);
        Assert.Contains($"README.md:{i + 1}: pearson_delta mean is 0.9999", Check(outcome, "B3").Reason);
        Assert.Contains($"README.md:{i + 1}: pearson_delta mean claimed 0.9999", Check(outcome, "C").Reason);
    }

    [Fact]
    public void Should_drift_on_a_changed_recipe_value_naming_the_key_and_line()
    {
        var dir = project.Copy(project.Scgpt, "recipe");
        var readme = Path.Combine(dir, "README.md");
        var text = File.ReadAllText(readme);
        Assert.Contains("| lr | 0.001 |", text);
        File.WriteAllText(readme, text.Replace("| lr | 0.001 |", "| lr | 0.0003 |"));
        AuditProject.Reseal(dir);
        var outcome = AuditEngine.Run(project.Options(dir));
        Assert.Equal("DRIFTED", outcome.Report.Verdict);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(3, AuditEngine.Run(project.Options(dir) with { FailOnDrifted = true }).ExitCode);
        var b4 = Check(outcome, "B4");
        Assert.Equal(CheckStatus.Warn, b4.Status);
        Assert.Contains("lr 0.0003 (README.md:", b4.Reason);
        Assert.Contains("vs 0.001", b4.Reason);
        Assert.Single(outcome.Report.Recipe, r => r.State == "differs");
    }

    [Fact]
    public void Should_break_on_a_hostile_pickle_naming_the_file_and_the_global()
    {
        var dir = project.Copy(project.Scgpt, "pickle");
        // torch.save of an object whose __reduce__ is os.system (tests/fixtures/checkpoints, made by the torch fixture script).
        File.Copy(TestPaths.Fixture("checkpoints", "hostile_os_system.pt"), Path.Combine(dir, "best_model.pt"), overwrite: true);
        AuditProject.Reseal(dir);
        var outcome = AuditEngine.Run(project.Options(dir));
        Assert.Equal("BROKEN", outcome.Report.Verdict);
        Assert.Equal(4, outcome.ExitCode);
        var a6 = Check(outcome, "A6");
        Assert.Equal(CheckStatus.Fail, a6.Status);
        Assert.Contains("refused pickle global", a6.Reason);
        Assert.Contains("system", a6.Reason);
        Assert.Contains("best_model.pt", a6.Reason);
    }

    [Fact]
    public void Should_break_on_a_missing_file_naming_it()
    {
        var dir = project.Copy(project.Scgpt, "missing");
        File.Delete(Path.Combine(dir, "predictions.h5ad"));
        var outcome = AuditEngine.Run(project.Options(dir));
        Assert.Equal("BROKEN", outcome.Report.Verdict);
        Assert.Equal(4, outcome.ExitCode);
        Assert.Contains("predictions.h5ad: listed in SHA256SUMS, missing from the folder", Check(outcome, "A3").Reason);
        Assert.Equal(CheckStatus.Unverifiable, Check(outcome, "C").Status);
    }

    [Fact]
    public void Should_break_on_a_commit_that_does_not_exist()
    {
        var dir = project.Copy(project.Scgpt, "commit");
        var readme = Path.Combine(dir, "README.md");
        var card = CardClaims.From(CardParser.Read(readme));
        var fake = new string('e', 40);
        File.WriteAllText(readme, File.ReadAllText(readme).Replace(card.Commit!, fake));
        AuditProject.Reseal(dir);
        var outcome = AuditEngine.Run(project.Options(dir));
        Assert.Equal("BROKEN", outcome.Report.Verdict);
        Assert.Equal(4, outcome.ExitCode);
        var b2 = Check(outcome, "B2");
        Assert.Equal(CheckStatus.Fail, b2.Status);
        Assert.Contains($"README.md:{card.CommitSource!.Source.Split(':')[1]}: commit {fake} does not exist", b2.Reason);
    }

    [Fact]
    public void Should_print_audit_json_and_exit_with_the_verdict_code_from_the_cli()
    {
        var dir = project.Copy(project.Scgpt, "cli");
        File.Delete(Path.Combine(dir, "split.json"));
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int code;
        try
        {
            code = Cli.Program.Main(["audit", "--dir", dir, "--root", project.Root, "--out", Path.Combine(project.Root, "audits", "cli"), "--json"]);
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Equal(4, code);
        var json = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("BROKEN", json.GetProperty("verdict").GetString());
        Assert.Contains("split.json: listed in SHA256SUMS, missing", json.GetProperty("verdict_line").GetString());
        // Bad input is exit 2 with one line naming the problem, before any work.
        Assert.Equal(2, Cli.Program.Main(["audit", "--dir", dir, "--hub", "a/b", "--root", project.Root]));
        Assert.Equal(2, Cli.Program.Main(["audit", "--dir", dir, "--model", "../etc/passwd", "--root", project.Root]));
    }
}
