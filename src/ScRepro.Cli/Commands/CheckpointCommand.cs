using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro checkpoint …`.</summary>
internal static class CheckpointCommand
{
    public static Command Create()
    {
        var command = new Command("checkpoint", "checkpoint (not yet implemented)");
        return command;
    }
}
