using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ScRepro.AnnData.Matrices;
using ScRepro.Baselines.Logistic;
using ScRepro.Evaluation.Annotation;

namespace ScRepro.Bench;

/// <summary>
/// The logistic fit as one whole process, for timing from outside against sklearn doing the same work (issue 21):
/// `--logistic-write DIR [--cells N]` writes the logistic benchmark's generated data (default 10,000 cells) and the
/// sklearn script once; `--logistic-process DIR` then reads those files, fits C = 0.1 on the 80/20 split, predicts
/// the test cells and prints accuracy, macro F1, the Newton iterations and a hash of the fitted coefficients, as `python3 DIR/sklearn_fit.py DIR 1`
/// does. `--stages` adds each stage's wall seconds (start-up = process start to Main) on stderr; `--refit` then
/// fits five more times on one thread, warm, and reports the fastest.
/// </summary>
public static class LogisticProcess
{
    public static int Run(string[] args)
    {
        if (Arg(args, "--logistic-write") is { } outDir)
        {
            var cells = int.Parse(Arg(args, "--cells") ?? "10000", CultureInfo.InvariantCulture);
            Directory.CreateDirectory(outDir);
            var (x, generated) = LogisticBenchmark.Generate(seed: 68, cells);
            LogisticBenchmark.Write(outDir, x, generated);
            File.WriteAllText(Path.Combine(outDir, "sklearn_fit.py"), LogisticBenchmark.SklearnScript);
            Console.WriteLine($"{cells} cells, {x.Data.Length} stored values written to {outDir}");
            return 0;
        }
        var dir = Arg(args, "--logistic-process")!;
        var stages = args.Contains("--stages");
        var startup = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
        var sw = Stopwatch.StartNew();

        var indptr = ReadRaw<int>(Path.Combine(dir, "indptr.i32"));
        var indices = ReadRaw<int>(Path.Combine(dir, "indices.i32"));
        var data = ReadRaw<float>(Path.Combine(dir, "data.f32"));
        var labels = File.ReadAllLines(Path.Combine(dir, "labels.txt"));
        var matrix = new CsrMatrix(indptr.Length - 1, 2000, indptr, indices, data);
        // The benchmark's split: every fifth cell is a test cell.
        var train = Enumerable.Range(0, labels.Length).Where(r => r % 5 != 0).ToArray();
        var test = Enumerable.Range(0, labels.Length).Where(r => r % 5 == 0).ToArray();
        var read = sw.Elapsed.TotalSeconds;
        var cpuRead = Cpu();

        var model = L1LogisticRegression.Fit(matrix, train, train.Select(r => labels[r]).ToArray(), new LogisticOptions { C = 0.1 });
        var fit = sw.Elapsed.TotalSeconds;
        var cpuFit = Cpu();
        // `--refit`: a second, warm fit after the timed stages, so that the first fit's JIT and first-touch share shows.
        var refit = double.NaN;

        var report = ClassificationMetrics.Compute(test.Select(r => labels[r]).ToArray(), model.Predict(matrix, test));
        var predict = sw.Elapsed.TotalSeconds;
        // The fitted model's bits, so that a faster build can be checked to fit exactly the same model.
        var bits = model.Coef.SelectMany(row => row).Concat(model.Intercept).SelectMany(BitConverter.GetBytes).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Accuracy} {report.MacroF1} {string.Join(",", model.Iterations)} model-sha256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bits))[..16]}"));
        if (args.Contains("--refit"))
        {
            // Fastest of five, one thread: the per-core cost of the solver, steadier than one run on a shared machine.
            refit = double.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                var again = Stopwatch.StartNew();
                L1LogisticRegression.Fit(matrix, train, train.Select(r => labels[r]).ToArray(), new LogisticOptions { C = 0.1, MaxDegreeOfParallelism = 1 });
                refit = Math.Min(refit, again.Elapsed.TotalSeconds);
            }
        }
        if (stages)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wall: start-up {startup:F3} s, read {read:F3} s, fit {fit - read:F3} s, predict+metrics {predict - fit:F3} s, warm 1-thread refit (best of 5) {refit:F3} s; cpu: to end of read {cpuRead:F3} s, fit {cpuFit - cpuRead:F3} s"));
        return 0;
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static T[] ReadRaw<T>(string path) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(File.ReadAllBytes(path)).ToArray();

    private static string? Arg(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
