using System.CommandLine;
using ScRepro.Foundation.Errors;
using ScRepro.Terminal;
using ScRepro.Pipeline;

namespace ScRepro.Cli.Commands;

/// <summary>
/// The pipeline stages, each runnable on its own (download, hash, train, evaluate, card; split is in
/// SplitCommand), plus `status` (exit 0 when a stage is up to date, 10 when it would run: Cake's skip criterion;
/// anything else is an error) and `preflight` (the --release check before any work).
/// </summary>
internal static class StageCommands
{
    public static IEnumerable<Command> Create()
    {
        foreach (var (name, description) in new[]
                 {
                     ("download", "Fetch or generate the experiment's dataset under data/<id>/ (verified by sha256)"),
                     ("hash", "Write the dataset lock (path, size, sha256 per file) and verify pinned hashes"),
                     ("train", "Train every model x seed of the experiment whose stamp is stale"),
                     ("evaluate", "Evaluate every trained model on the test split"),
                     ("card", "Render MODEL_CARD.md per model and the experiment's comparison page"),
                 })
        {
            var command = new Command(name, description);
            var options = StageOptions.AddTo(command);
            command.SetAction(parse => CommandRunner.Run(() => RunStage(name, options, parse)));
            yield return command;
        }

        var status = new Command("status", "Exit 0 when a stage is up to date, 10 when it would run (prints why); 2 bad input, 70 internal error");
        var statusOptions = StageOptions.AddTo(status);
        var stage = new Option<string>("--stage") { Description = "download|hash|split|train|evaluate|card", Required = true };
        status.Options.Add(stage);
        status.SetAction(parse => CommandRunner.Run(() =>
        {
            var ctx = statusOptions.Open(parse);
            var why = PipelineSession.Status(ctx, parse.GetValue(stage)!);
            Output.Info(why is null ? $"{parse.GetValue(stage)}: up to date" : $"{parse.GetValue(stage)}: will run ({why})");
            return why is null ? ExitCodes.Ok : ExitCodes.Stale;
        }));
        yield return status;

        var preflight = new Command("preflight", "With --release, refuse a dirty working tree before any work");
        var preflightOptions = StageOptions.AddTo(preflight);
        preflight.SetAction(parse => CommandRunner.Run(() =>
        {
            var ctx = preflightOptions.Open(parse);
            Output.Info($"preflight: commit {ctx.Code.Commit}{(ctx.Code.Dirty ? " (dirty)" : "")}, experiment {ctx.Experiment.Id}");
            return 0;
        }));
        yield return preflight;
    }

    /// <summary>Gives a tool command (e.g. `split gears …`) the stage form too: `split --experiment demo`.</summary>
    public static Command WithStage(Command command, string stage)
    {
        var options = StageOptions.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(() => RunStage(stage, options, parse)));
        return command;
    }

    public static int RunStage(string name, StageOptions options, ParseResult parse)
    {
        var ctx = options.Open(parse);
        var ran = PipelineSession.Run(ctx, name, options.Executor(parse));
        Output.Info($"{name}: {ran} unit(s) ran");
        return 0;
    }
}
