using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro eval perturbation …`.</summary>
internal static class EvalPerturbationCommand
{
    public static Command Create()
    {
        var command = new Command("perturbation", "perturbation metrics (not yet implemented)");
        return command;
    }
}
