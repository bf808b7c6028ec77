using System.Diagnostics;
using System.Globalization;
using ScRepro.AnnData.Matrices;
using ScRepro.Baselines.Logistic;
using ScRepro.Evaluation.Annotation;

namespace ScRepro.Bench;

/// <summary>
/// L1 logistic regression on a Zheng68K-sized problem (68,450 cells × 2,000 genes, 11 classes in scBERT's reported
/// proportions, sparse log-normalised values), C = 0.1 as Boiarsky et al. on PBMC, 80/20 split: ScRepro's solver
/// against sklearn's LogisticRegression(penalty="l1", solver="liblinear") on the same files, with both metric pairs.
/// </summary>
public sealed class LogisticBenchmark : IBenchmark
{
    private const int Cells = 68_450;
    private const int Genes = 2_000;
    /// <summary>Fits per side; the fastest wall clock counts.</summary>
    private const int Repeats = 3;
    private static readonly double[] ClassShare =
        [0.303, 0.243, 0.128, 0.090, 0.086, 0.045, 0.042, 0.031, 0.027, 0.004, 0.001];

    public string Name => "logistic";

    public void Run(BenchContext context)
    {
        var dir = Path.Combine(context.WorkDir, "logistic");
        Directory.CreateDirectory(dir);
        var (x, labels) = Generate(seed: 68, Cells);
        Write(dir, x, labels);
        var rows = Enumerable.Range(0, Cells).ToArray();
        // Every fifth cell is a test cell: a fixed, label-independent 80/20 split both sides can rebuild.
        var train = rows.Where(r => r % 5 != 0).ToArray();
        var test = rows.Where(r => r % 5 == 0).ToArray();
        var trainLabels = train.Select(r => labels[r]).ToArray();
        var testLabels = test.Select(r => labels[r]).ToArray();

        // Wall-clock and CPU seconds: on a shared machine the wall-clock ratio swings with other load, the CPU
        // seconds (all our threads; sklearn is single-threaded) much less. Each side fits Repeats times and keeps its
        // fastest wall clock (timeit's rule: slower runs measure interference, not the code); CPU seconds are the mean.
        LogisticModel? model = null;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var ours = BenchContext.Time(() => model = L1LogisticRegression.Fit(x, train, trainLabels, new LogisticOptions { C = 0.1 }), Repeats);
        var oursCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / Repeats;
        var report = ClassificationMetrics.Compute(testLabels, model!.Predict(x, test));
        // One thread too: separates per-core efficiency from the gain of running classes in parallel.
        var cpuOne = Process.GetCurrentProcess().TotalProcessorTime;
        var oursOne = BenchContext.Time(() => L1LogisticRegression.Fit(x, train, trainLabels, new LogisticOptions { C = 0.1, MaxDegreeOfParallelism = 1 }), repeats: 1);
        var oursOneCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuOne).TotalSeconds;
        Console.WriteLine($"  screpro: accuracy {report.Accuracy:F4}, macro F1 {report.MacroF1:F4}, newton iterations [{string.Join(",", model.Iterations)}], threads {Environment.ProcessorCount}");

        var py = RunSklearn(dir);
        Timing? refSeconds = null, refCpu = null;
        if (py is not null)
        {
            var parts = py.Trim().Split(' ');
            refSeconds = new Timing(parts[0].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
            refCpu = Timing.Of(double.Parse(parts[4], CultureInfo.InvariantCulture));
            var acc = double.Parse(parts[1], CultureInfo.InvariantCulture);
            var f1 = double.Parse(parts[2], CultureInfo.InvariantCulture);
            Console.WriteLine($"  sklearn: accuracy {acc:F4}, macro F1 {f1:F4}, n_iter [{parts[3]}]; |Δacc| {Math.Abs(acc - report.Accuracy):F4}, |ΔF1| {Math.Abs(f1 - report.MacroF1):F4}");
        }
        Console.WriteLine($"  cpu seconds: screpro {oursCpu:F1} (all threads), sklearn {refCpu?.Best.ToString("F1", CultureInfo.InvariantCulture) ?? "n/a"}; load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        context.Report("logistic", "fit 54,760x2,000, 11 classes, C=0.1", ours, refSeconds, "sklearn liblinear");
        context.Report("logistic", "same fit, CPU seconds (not wall)", Timing.Of(oursCpu), refCpu, "sklearn liblinear");
        context.Report("logistic", "same fit, 1 thread, wall", oursOne, refSeconds, "sklearn liblinear");
        context.Report("logistic", "same fit, 1 thread, CPU seconds", Timing.Of(oursOneCpu), refCpu, "sklearn liblinear");
        // The issue's goal is stated on this number: wall-clock, all cores (2 on the target machine), vs sklearn.
        var headline = refSeconds is { } r ? $"{r.Best / ours.Best:F2}x ({ours.Best:F1} s vs {r.Best:F1} s, best of {ours.N} and {r.N})" : $"n/a (ours {ours.Best:F1} s, sklearn not run)";
        Console.WriteLine($"  HEADLINE logistic: {Environment.ProcessorCount}-thread wall-clock speedup over sklearn liblinear {headline}; goal >= 3x on 2 cores");
        WholeProcess(context);
    }

    /// <summary>Processes timed in turn (ours, sklearn, ours, …) so drift in the machine's speed hits both sides alike.</summary>
    private const int ProcessRuns = 5;

    /// <summary>
    /// Issue 21's line: 10,000 cells as one whole process each side (start-up, reading the same files, the fit, the
    /// prediction): `ScRepro.Bench --logistic-process DIR` against `python3 DIR/sklearn_fit.py DIR 1`, best of
    /// <see cref="ProcessRuns"/> alternating runs.
    /// </summary>
    private static void WholeProcess(BenchContext context)
    {
        var dir = Path.Combine(context.WorkDir, "logistic10k");
        var self = typeof(LogisticBenchmark).Assembly.Location;
        if (BenchContext.TimeProcess("dotnet", [self, "--logistic-write", dir, "--cells", "10000"]) is null) return;
        var ours = new List<double>();
        var theirs = new List<double>();
        for (var i = 0; i < ProcessRuns; i++)
        {
            if (BenchContext.TimeProcess("dotnet", [self, "--logistic-process", dir]) is { } a) ours.Add(a);
            if (BenchContext.TimeProcess(BenchContext.Python, [Path.Combine(dir, "sklearn_fit.py"), dir, "1"]) is { } b) theirs.Add(b);
        }
        if (ours.Count == 0) return;
        context.Report("logistic", "whole process, 10,000 cells (read, fit, predict)", new Timing(ours.ToArray()),
            theirs.Count > 0 ? new Timing(theirs.ToArray()) : null, "python3 + sklearn");
    }

    /// <summary>Overlapping class programmes on a sparse background, values like log1p of normalised counts.</summary>
    internal static (CsrMatrix X, string[] Labels) Generate(int seed, int cells)
    {
        var rng = new Random(seed);
        var k = ClassShare.Length;
        var baseP = new double[Genes];
        var baseMu = new double[Genes];
        for (var g = 0; g < Genes; g++) { baseP[g] = 0.02 + 0.25 * Math.Pow(rng.NextDouble(), 2); baseMu[g] = 0.5 + rng.NextDouble(); }
        var factor = new double[k, Genes];
        for (var c = 0; c < k; c++)
        {
            for (var g = 0; g < Genes; g++) factor[c, g] = Math.Exp(0.25 * Normal(rng));
            for (var m = 0; m < 15; m++) factor[c, rng.Next(Genes)] *= 2.5 + 2 * rng.NextDouble();
        }
        // The two CD8 classes share most of their programme (the paper's "hard" pair).
        for (var g = 0; g < Genes; g++) factor[1, g] = 0.8 * factor[0, g] + 0.2 * factor[1, g];
        var cumulative = ClassShare.Select((_, i) => ClassShare.Take(i + 1).Sum()).ToArray();
        var labels = new string[cells];
        var indptr = new int[cells + 1];
        var indices = new List<int>(cells * 200);
        var data = new List<float>(cells * 200);
        for (var i = 0; i < cells; i++)
        {
            var u = rng.NextDouble() * cumulative[^1];
            var c = Array.FindIndex(cumulative, v => u <= v);
            labels[i] = $"type_{c:D2}";
            var depth = Math.Exp(0.3 * Normal(rng));
            for (var g = 0; g < Genes; g++)
            {
                var p = Math.Min(0.95, baseP[g] * factor[c, g] * depth);
                if (rng.NextDouble() >= p) continue;
                indices.Add(g);
                data.Add((float)Math.Log(1 + baseMu[g] * factor[c, g] * (0.5 + rng.NextDouble()) * 2));
            }
            indptr[i + 1] = indices.Count;
        }
        return (new CsrMatrix(cells, Genes, indptr, indices.ToArray(), data.ToArray()), labels);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    internal static void Write(string dir, CsrMatrix x, string[] labels)
    {
        static void Raw<T>(string path, T[] values) where T : unmanaged =>
            File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        Raw(Path.Combine(dir, "indptr.i32"), x.IndPtr);
        Raw(Path.Combine(dir, "indices.i32"), x.Indices);
        Raw(Path.Combine(dir, "data.f32"), x.Data);
        File.WriteAllLines(Path.Combine(dir, "labels.txt"), labels);
    }

    internal const string SklearnScript = """
import sys, time, numpy as np, scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
d = sys.argv[1]
indptr = np.fromfile(d + "/indptr.i32", dtype=np.int32)
X = sp.csr_matrix((np.fromfile(d + "/data.f32", dtype=np.float32), np.fromfile(d + "/indices.i32", dtype=np.int32), indptr),
                  shape=(len(indptr) - 1, 2000))
y = np.array(open(d + "/labels.txt").read().split())
test = np.arange(len(y)) % 5 == 0
walls, cpus = [], []
for _ in range(int(sys.argv[2])):
    t, c = time.perf_counter(), time.process_time()
    lr = LogisticRegression(penalty="l1", C=0.1, solver="liblinear").fit(X[~test], y[~test])
    walls.append(time.perf_counter() - t)
    cpus.append(time.process_time() - c)
t, c = ",".join(map(str, walls)), sum(cpus) / len(cpus)
p = lr.predict(X[test])
print(t, np.mean(p == y[test]), f1_score(y[test], p, average="macro"), ",".join(map(str, lr.n_iter_)), c)
""";

    // Plain environment: liblinear does not allocate per iteration the way libtorch does.
    private static string? RunSklearn(string dir) => BenchContext.RunPython(["-c", SklearnScript, dir, Repeats.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>());
}
