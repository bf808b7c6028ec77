using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro split …`.</summary>
internal static class SplitCommand
{
    public static Command Create()
    {
        var command = new Command("split", "split (not yet implemented)");
        return command;
    }
}
