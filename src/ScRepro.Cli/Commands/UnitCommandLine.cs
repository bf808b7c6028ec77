using System.CommandLine;
using ScRepro.Terminal;
using ScRepro.Pipeline;
using ScRepro.Pipeline.Slurm;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro unit`: runs exactly one planned unit here. By name: `unit --stage train --name additive/seed0
/// --experiment demo`; or as a Slurm array task: `unit --submission runs/…/submission.json` (the unit at
/// SLURM_ARRAY_TASK_ID, with the submitter's experiment, flags and command line; this is what job.sh runs).
/// </summary>
internal static class UnitCommandLine
{
    public static Command Create()
    {
        var command = new Command("unit", "Run one planned unit of a stage here (by --stage and --name, or a Slurm array task's --submission)");
        var options = StageOptions.AddTo(command);
        var stage = new Option<string?>("--stage") { Description = "train|evaluate|… (with --name)" };
        var name = new Option<string?>("--name") { Description = "The unit, as the stage names it: <model>/seed<k>" };
        var submission = new Option<string?>("--submission") { Description = "A Slurm submission.json: run the unit at SLURM_ARRAY_TASK_ID (or --index)" };
        var index = new Option<int?>("--index") { Description = "With --submission: this index instead of SLURM_ARRAY_TASK_ID" };
        command.Options.Add(stage);
        command.Options.Add(name);
        command.Options.Add(submission);
        command.Options.Add(index);
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            if (parse.GetValue(submission) is { } file) return ArrayTask.Run(file, parse.GetValue(index));
            if (parse.GetValue(stage) is not { } s || parse.GetValue(name) is not { } n)
                throw new Foundation.Errors.ScReproException("unit: give --stage and --name, or --submission", 2);
            var ran = PipelineSession.RunUnit(options.Open(parse), s, n);
            Output.Info($"{s} {n}: {(ran ? "ran" : "up to date")}");
            return 0;
        }));
        return command;
    }
}
