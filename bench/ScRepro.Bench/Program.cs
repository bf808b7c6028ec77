using System.Reflection;

namespace ScRepro.Bench;

/// <summary>Runs every <see cref="IBenchmark"/> (or those named with --only a,b) and writes bench-results.json; --scaling writes the scaling table instead; --logistic-process times one fit as a whole process.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Before anything else: this mode is timed as a whole process.
        if (args.Contains("--logistic-process") || args.Contains("--logistic-write")) return LogisticProcess.Run(args);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? [];
        var work = Path.GetFullPath(args.SkipWhile(a => a != "--work").Skip(1).FirstOrDefault() ?? Path.Combine("artifacts", "bench"));
        Directory.CreateDirectory(work);
        if (args.Contains("--scaling") || args.Contains("--scaling-case")) return Scaling.Run(args, work);
        var context = new BenchContext(work);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"load average at start {context.LoadAtStart:F2} on {LoadAverage.Cores} cores; every figure is the best of N runs (N printed)"));
        var benches = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .Where(b => only.Length == 0 || only.Contains(b.Name))
            .OrderBy(b => b.Name, StringComparer.Ordinal);
        foreach (var bench in benches)
        {
            Console.WriteLine($"== {bench.Name}");
            bench.Run(context);
        }
        context.Save(Path.Combine(work, "bench-results.json"));
        var end = LoadAverage.Now();
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"load average at end {end:F2} on {LoadAverage.Cores} cores{(LoadAverage.TooHigh(end) ? ": above the core count (ratios reported under such load are withheld)" : "")}; raw times in {Path.Combine(work, "bench-results.json")}"));
        return 0;
    }
}
