using ScRepro.Foundation.Errors;

namespace ScRepro.Cli;

/// <summary>
/// Wraps every command action: a <see cref="ScReproException"/> becomes one line on stderr and its exit code;
/// anything else is a bug and keeps its stack trace (exit 1).
/// </summary>
public static class CommandRunner
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ScReproException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
    }
}
