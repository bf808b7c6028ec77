using ScRepro.Foundation.Errors;

namespace ScRepro.Cli;

/// <summary>
/// Wraps every command action: a <see cref="ScReproException"/> becomes one line on stderr and its exit code;
/// anything else is a bug: "internal error" naming the command, the stack trace after it, and exit 70
/// (<see cref="ExitCodes.Internal"/>), which no caller reads as an answer ("stale" is 10).
/// </summary>
public static class CommandRunner
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e)
        {
            return Report(e);
        }
    }

    /// <summary>Prints an exception the way <see cref="Run"/> does and returns its exit code.</summary>
    public static int Report(Exception e)
    {
        if (e is ScReproException known)
        {
            Console.Error.WriteLine($"error: {known.Message}");
            return known.ExitCode;
        }
        Console.Error.WriteLine($"internal error in '{CommandName()}': {e.GetType().Name}: {e.Message} (a bug in ScRepro; please report it with the trace below)");
        Console.Error.WriteLine(e.ToString());
        return ExitCodes.Internal;
    }

    // "screpro train" from "train --experiment demo": the verbs before the first option.
    private static string CommandName() =>
        string.Join(' ', new[] { "screpro" }.Concat(Environment.GetCommandLineArgs().Skip(1).TakeWhile(a => !a.StartsWith('-')).Take(2)));
}
