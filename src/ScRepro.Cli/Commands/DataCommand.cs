using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro data …`.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "data (not yet implemented)");
        return command;
    }
}
