using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro fit …`.</summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var command = new Command("fit", "fit (not yet implemented)");
        return command;
    }
}
