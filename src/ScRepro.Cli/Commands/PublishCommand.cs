using System.CommandLine;
using ScRepro.Audit.Publishing;
using ScRepro.Core.Console;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro publish --experiment ID --model ID [--seed K] --out DIR`: the folder to upload to the Hub.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var experiment = new Option<string>("--experiment") { Description = "Experiment id", Required = true };
        var model = new Option<string>("--model") { Description = "Model id of the experiment", Required = true };
        var seed = new Option<long?>("--seed") { Description = "Training seed (default: the experiment's first)" };
        var output = new Option<string>("--out") { Description = "Folder to write (replaced atomically if it exists)", Required = true };
        var root = new Option<string>("--root") { Description = "Project root (default: the current directory)", DefaultValueFactory = _ => "." };
        var command = new Command("publish", "Write a Hub upload folder for one model x seed: README.md card with front matter, weights, stats, predictions, split, summary, SHA256SUMS")
        {
            experiment, model, seed, output, root,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var dir = Publisher.Publish(parse.GetValue(root)!, parse.GetValue(experiment)!, parse.GetValue(model)!, parse.GetValue(seed),
                parse.GetValue(output)!, "screpro " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
            Output.Info($"published {dir}");
            return 0;
        }));
        return command;
    }
}
