using System.CommandLine;
using ScRepro.Nightly;
using ScRepro.Nightly.Golden;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro bless`: accept the last nightly's numbers as the new golden files (clean tree only); prints what changed.</summary>
internal static class BlessCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "Project root (default: the current directory)", DefaultValueFactory = _ => "." };
        var manifest = new Option<string>("--manifest") { Description = "The nightly manifest", DefaultValueFactory = _ => "manifests/nightly.yaml" };
        var experiment = new Option<string?>("--experiment") { Description = "Only this experiment" };
        var model = new Option<string?>("--model") { Description = "Only this model" };
        var from = new Option<string?>("--from") { Description = "The nightly folder to bless (default: the newest under reports/nightly/)" };
        var command = new Command("bless", "Rewrite reports/golden/ from the last nightly (clean tree only) and print what changed")
        {
            root, manifest, experiment, model, from,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var rootDir = parse.GetValue(root)!;
            var nightly = NightlyManifest.Load(Path.Combine(rootDir, parse.GetValue(manifest)!));
            var changes = Blesser.Bless(rootDir, nightly, parse.GetValue(experiment), parse.GetValue(model), parse.GetValue(from));
            foreach (var c in changes)
            {
                Console.WriteLine($"{c.Experiment}/{c.Model}: {c.Action}");
                foreach (var line in c.Changes) Console.WriteLine($"  {line}");
            }
            Console.WriteLine($"bless: {changes.Count(c => c.Action != "unchanged")} golden file(s) changed under {nightly.Golden}/; commit them to accept the numbers");
            return 0;
        }));
        return command;
    }
}
