using Spectre.Console;

namespace ScRepro.Terminal;

/// <summary>
/// Progress and status output. Long work shows a Spectre.Console progress bar on a terminal;
/// with CI=true (or output redirected) it stays quiet apart from one line per task.
/// </summary>
public static class Output
{
    public static bool IsQuiet =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || System.Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="work"/> with a progress bar of <paramref name="total"/> units.</summary>
    public static T WithProgress<T>(string description, double total, Func<Action<double>, T> work)
    {
        if (IsQuiet)
        {
            return work(_ => { });
        }
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                result = work(inc => task.Increment(inc));
                task.Value = task.MaxValue;
            });
        return result;
    }

    public static void WithProgress(string description, double total, Action<Action<double>> work) =>
        WithProgress<int>(description, total, report => { work(report); return 0; });

    /// <summary>
    /// Runs <paramref name="work"/> under a live status line it updates (a Spectre spinner on a terminal); quiet
    /// (CI=true, redirected) it shows nothing: the work prints its own one-line events.
    /// </summary>
    public static T WithStatus<T>(string initial, Func<Action<string>, T> work)
    {
        if (IsQuiet) return work(_ => { });
        T result = default!;
        AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start(Markup.Escape(initial), ctx =>
        {
            result = work(text => ctx.Status(Markup.Escape(text)));
        });
        return result;
    }

    /// <summary>A one-line status message on stderr (stdout stays clean for --json output).</summary>
    public static void Info(string message) => System.Console.Error.WriteLine(message);
}
