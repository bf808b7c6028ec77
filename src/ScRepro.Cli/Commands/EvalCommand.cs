using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro eval perturbation|annotation`: cell-eval-compatible evaluation.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate predictions against real data (cell-eval's metrics and flags)");
        command.Subcommands.Add(EvalPerturbationCommand.Create());
        command.Subcommands.Add(EvalAnnotationCommand.Create());
        return command;
    }
}
