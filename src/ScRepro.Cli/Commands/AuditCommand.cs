using System.CommandLine;
using ScRepro.Audit;
using ScRepro.Audit.Model;
using ScRepro.Foundation.Errors;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro audit (--hub REPO[@REV] | --dir DIR)`: REPRODUCED, DRIFTED or BROKEN for a published checkpoint, and why.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var hub = new Option<string>("--hub") { Description = "Hub model repository owner/name[@revision] (default revision: main)" };
        var revision = new Option<string>("--revision") { Description = "Revision for --hub: a 40-hex commit (immutable) or a branch/tag" };
        var dir = new Option<string>("--dir") { Description = "A local folder to audit (e.g. what `screpro publish` wrote, or a Hub download)" };
        var experiment = new Option<string>("--experiment") { Description = "Experiment to compare with (default: the card's screpro.experiment)" };
        var model = new Option<string>("--model") { Description = "Model manifest to compare the recipe with (default: the card's screpro.model)" };
        var codeRepo = new Option<string>("--code-repo") { Description = "Local clone holding the card's source commit (default for ScRepro cards: --root)" };
        var level = new Option<string>("--level") { Description = "Deepest level: integrity | provenance | evaluate | predict (default: the highest the inputs allow)" };
        var endpoint = new Option<string>("--hub-endpoint") { Description = "Hub URL (default: $HF_ENDPOINT, else https://huggingface.co)" };
        var tokenEnv = new Option<string>("--token-env") { Description = "Environment variable holding the Hub token (default HF_TOKEN); the token is never printed or written", DefaultValueFactory = _ => "HF_TOKEN" };
        var offline = new Option<bool>("--offline") { Description = "Replay the Hub responses and files stored by an earlier audit; no network" };
        var tolerances = new Option<string>("--tolerances") { Description = "Tolerance file (default manifests/tolerances.yaml)" };
        var output = new Option<string>("--out") { Description = "Output folder (default reports/audits/<owner>__<name>/<sha12>/ or reports/audits/local__<dir>/<digest12>/)" };
        var failOn = new Option<string>("--fail-on") { Description = "broken (default: exit 4 only when BROKEN) or drifted (DRIFTED exits 3)", DefaultValueFactory = _ => "broken" };
        var json = new Option<bool>("--json") { Description = "Print audit.json to standard output" };
        var root = new Option<string>("--root") { Description = "Project root (default: the current directory)", DefaultValueFactory = _ => "." };
        var command = new Command("audit", "Audit a published checkpoint: integrity, provenance, re-evaluation and re-prediction checks → REPRODUCED / DRIFTED / BROKEN")
        {
            hub, revision, dir, experiment, model, codeRepo, level, endpoint, tokenEnv, offline, tolerances, output, failOn, json, root,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            // "drift" is what the Nightly target's --fail-on takes; one Cake argument serves both targets.
            var fail = parse.GetValue(failOn) is "drift" ? "drifted" : parse.GetValue(failOn)!;
            if (fail is not ("broken" or "drifted")) throw new ScReproException($"--fail-on '{fail}': expected broken or drifted");
            var options = new AuditOptions
            {
                Root = parse.GetValue(root)!, Hub = parse.GetValue(hub), Revision = parse.GetValue(revision), Dir = parse.GetValue(dir),
                Experiment = parse.GetValue(experiment), Model = parse.GetValue(model), CodeRepo = parse.GetValue(codeRepo),
                Level = ParseLevel(parse.GetValue(level)), HubEndpoint = parse.GetValue(endpoint), TokenEnv = parse.GetValue(tokenEnv)!,
                Offline = parse.GetValue(offline), Tolerances = parse.GetValue(tolerances), Out = parse.GetValue(output),
                FailOnDrifted = fail == "drifted",
                CommandLine = "screpro " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            var outcome = AuditEngine.Run(options);
            if (parse.GetValue(json)) Console.Out.Write(File.ReadAllText(Path.Combine(outcome.OutDir, "audit.json")));
            else
            {
                Console.Out.WriteLine(outcome.Report.VerdictLine);
                Console.Out.WriteLine($"{outcome.Report.Coverage}; report: {Path.Combine(outcome.OutDir, "AUDIT.md")}");
            }
            return outcome.ExitCode;
        }));
        return command;
    }

    private static AuditLevel? ParseLevel(string? text) => text switch
    {
        null => null,
        "integrity" => AuditLevel.Integrity,
        "provenance" => AuditLevel.Provenance,
        "evaluate" => AuditLevel.Evaluate,
        "predict" => AuditLevel.Predict,
        _ => throw new ScReproException($"--level '{text}': expected integrity, provenance, evaluate or predict"),
    };
}
