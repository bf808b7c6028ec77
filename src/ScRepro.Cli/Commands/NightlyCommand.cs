using System.CommandLine;
using ScRepro.Foundation.Errors;
using ScRepro.Nightly;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro nightly`: re-run nightly.yaml's experiments and judge every number against the golden files.
/// Exit 0 REPRODUCED (and DRIFTED unless --fail-on drift), 3 DRIFTED with --fail-on drift, 4 BROKEN, 2 bad input.
/// </summary>
internal static class NightlyCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "Project root (default: the current directory)", DefaultValueFactory = _ => "." };
        var manifest = new Option<string>("--manifest") { Description = "The nightly manifest", DefaultValueFactory = _ => "manifests/nightly.yaml" };
        var failOn = new Option<string?>("--fail-on") { Description = "break (exit 4 on BROKEN) or drift (also exit 3 on DRIFTED); default: the manifest's fail_on" };
        var date = new Option<string?>("--date") { Description = "The report's date, yyyy-MM-dd (default: today, UTC)" };
        var noRerun = new Option<bool>("--no-rerun") { Description = "Compare the runs already present instead of re-running the experiments" };
        var experiment = new Option<string[]>("--experiment") { Description = "Only these experiments of the manifest (repeatable)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("nightly", "Re-run the experiments of manifests/nightly.yaml and compare every number with reports/golden/")
        {
            root, manifest, failOn, date, noRerun, experiment,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var rootDir = parse.GetValue(root)!;
            var only = parse.GetValue(experiment);
            var outcome = NightlyRunner.Run(new NightlyOptions(
                rootDir,
                Path.Combine(rootDir, parse.GetValue(manifest)!),
                parse.GetValue(date),
                ParseFailOn(parse.GetValue(failOn)),
                !parse.GetValue(noRerun),
                only is { Length: > 0 } ? only : null,
                "screpro " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1))));
            return outcome.ExitCode;
        }));
        return command;
    }

    public static FailOn? ParseFailOn(string? value) => value switch
    {
        null or "" => null,
        "break" or "broken" => FailOn.Break,
        "drift" or "drifted" => FailOn.Drift,
        _ => throw new ScReproException($"--fail-on '{value}': expected break or drift"),
    };
}
