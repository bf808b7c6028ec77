using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro eval annotation …`.</summary>
internal static class EvalAnnotationCommand
{
    public static Command Create()
    {
        var command = new Command("annotation", "annotation metrics (not yet implemented)");
        return command;
    }
}
