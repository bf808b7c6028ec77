using System.Diagnostics;
using System.Globalization;
using ScRepro.Foundation.IO;

namespace ScRepro.Bench;

/// <summary>Scratch folder, a timer, a python probe and the result rows of one benchmark run.</summary>
public sealed class BenchContext
{
    private readonly List<BenchResult> _results = new();

    public BenchContext(string workDir)
    {
        WorkDir = workDir;
        LoadAtStart = LoadAverage.Now();
    }

    /// <summary>One-minute load average when the run began (printed, and kept in bench-results.json).</summary>
    public double LoadAtStart { get; }

    /// <summary>Scratch folder for generated inputs (kept between runs so generation is paid once).</summary>
    public string WorkDir { get; }

    public IReadOnlyList<BenchResult> Results => _results;

    /// <summary>Wall-clock seconds of each of <paramref name="repeats"/> runs of <paramref name="action"/>.</summary>
    public static Timing Time(Action action, int repeats = 3)
    {
        var samples = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            // The peers free each run's result when it is dropped (reference counting); the managed side frees it at
            // the next collection. Collect before each run, untimed, so neither side starts with the last run's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var sw = Stopwatch.StartNew();
            action();
            samples[i] = sw.Elapsed.TotalSeconds;
        }
        return new Timing(samples);
    }

    /// <summary>The checkout the bench runs from (reference scripts live in tests/fixtures and gpu/bundle).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScRepro.sln"))) dir = dir.Parent;
        return dir?.FullName ?? ".";
    }

    /// <summary>
    /// Debian's python3, which is where python3-anndata, -sklearn, -scipy and -torch install; a pyenv or venv python3
    /// first on PATH usually lacks them. SCREPRO_BENCH_PYTHON overrides.
    /// </summary>
    public static string Python { get; } = Environment.GetEnvironmentVariable("SCREPRO_BENCH_PYTHON")
        ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

    /// <summary>
    /// glibc's allocator settings that ScRepro.Torch's shim applies to itself (native/src/torch.cpp), so a PyTorch
    /// reference runs libtorch under the same malloc behaviour as ours.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ShimAllocator = new Dictionary<string, string>
    {
        ["MALLOC_TRIM_THRESHOLD_"] = "1073741824",
        ["MALLOC_TOP_PAD_"] = "1073741824",
        ["MALLOC_MMAP_MAX_"] = "0",
    };

    /// <summary>Runs a python3 script (reference implementation) under <see cref="ShimAllocator"/>; returns stdout, or null when python or a module is missing.</summary>
    public static string? RunPython(string script, params string[] args) => RunPython(["-c", script, .. args], ShimAllocator);

    /// <summary>python3 with these arguments and extra environment variables; stdout, or null (the reason on stderr) when it fails.</summary>
    public static string? RunPython(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        Run(Python, arguments, environment, "python reference unavailable").Stdout;

    /// <summary>
    /// Wall seconds of one whole process, start to exit (output discarded), or null when it cannot start or fails:
    /// for lines whose claim includes start-up, reading and everything else a user waits for.
    /// </summary>
    public static double? TimeProcess(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (stdout, seconds) = Run(fileName, arguments, environment ?? new Dictionary<string, string>(), $"{Path.GetFileName(fileName)} failed");
        return stdout is null ? null : seconds;
    }

    /// <summary>Starts a process, drains both streams, waits: its stdout (null when it cannot start or exits non-zero) and wall seconds.</summary>
    private static (string? Stdout, double Seconds) Run(string fileName, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment, string failure)
    {
        var psi = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        try
        {
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            var seconds = sw.Elapsed.TotalSeconds;
            if (p.ExitCode == 0) return (stdout.Result, seconds);
            Console.Error.WriteLine($"  {failure}: {stderr.Result.Trim().Split('\n').LastOrDefault()}");
            return (null, seconds);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, 0);
        }
    }

    /// <summary>
    /// Records both sides' runs (reference null when it did not run). The ratio (reference best / ours best) is
    /// withheld when the load average at the start of the bench or now is above the core count.
    /// </summary>
    public void Report(string benchmark, string case_, Timing ours, Timing? reference, string referenceName)
    {
        var load = LoadAverage.Now();
        string? withheld = null;
        if (reference is not null && (LoadAverage.TooHigh(LoadAtStart) || LoadAverage.TooHigh(load)))
            withheld = string.Create(CultureInfo.InvariantCulture,
                $"load average {Math.Max(LoadAtStart, load):F2} above {LoadAverage.Cores} cores");
        var row = new BenchResult(benchmark, case_, ours, reference, referenceName, load,
            reference is not null && withheld is null ? reference.Best / ours.Best : null, withheld);
        _results.Add(row);
        Console.WriteLine(row.ToString());
    }

    /// <summary>Writes bench-results.json: the load at start and end, the core count, and every row's raw runs.</summary>
    public void Save(string path) =>
        Json.WriteFile(path, new BenchRun(LoadAtStart, LoadAverage.Now(), LoadAverage.Cores, _results));
}
