using System.CommandLine;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro predict …`.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var command = new Command("predict", "predict (not yet implemented)");
        return command;
    }
}
