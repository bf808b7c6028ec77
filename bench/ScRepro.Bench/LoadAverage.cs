using System.Globalization;

namespace ScRepro.Bench;

/// <summary>
/// The one-minute load average (/proc/loadavg) and the core count it is judged against. A ratio taken while the load
/// was above the number of cores says more about the other processes than about either side, so the bench withholds it.
/// </summary>
public static class LoadAverage
{
    public static int Cores { get; } = Environment.ProcessorCount;

    /// <summary>The one-minute load average; NaN where /proc/loadavg is absent (not Linux).</summary>
    public static double Now()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>True when the load leaves no idle core for the side being timed.</summary>
    public static bool TooHigh(double load) => !double.IsNaN(load) && load > Cores;
}
