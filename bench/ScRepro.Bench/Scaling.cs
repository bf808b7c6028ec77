using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScRepro.AnnData;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Baselines.Logistic;
using ScRepro.Core.Hashing;
using ScRepro.Evaluation.Perturbation;
using ScRepro.Splits.Annotation;
using ScRepro.Splits.Random;

namespace ScRepro.Bench;

/// <summary>
/// The README's scaling table (issue 21 item 3): time and peak RSS of reading, hashing, splitting, evaluating and the
/// logistic fit at sizes a factor of ten apart. `--scaling` runs every (stage, size) in its own child process, because
/// a process's peak RSS only grows; `--scaling --scale S` runs one size step (0, 1 or 2) so one row can be reproduced.
/// Each child builds its input, runs the stage once to warm up, collects garbage, resets the kernel's peak-RSS mark,
/// then keeps the best of three timed runs; the peak is the highest RSS over those three.
/// </summary>
public static class Scaling
{
    private const int Genes = 2_000;
    private const double Density = 0.10;

    /// <summary>(stage, size unit, the three sizes).</summary>
    private static readonly (string Stage, string Unit, long[] Sizes)[] Stages =
    [
        ("read", "cells x 2,000 genes, 10% CSR", [2_000, 20_000, 200_000]),
        ("hash", "MB file", [10, 100, 1_000]),
        ("split", "labels, stratified 80/20", [100_000, 1_000_000, 10_000_000]),
        ("evaluate", "perturbations x 50 cells, 500 controls, 1,000 genes", [3, 30, 300]),
        ("logistic", "cells x 2,000 genes, 11 classes, C=0.1", [1_000, 10_000, 100_000]),
    ];

    public static int Run(string[] args, string work)
    {
        var child = Arg(args, "--scaling-case");
        if (child is not null) return Child(child, long.Parse(Arg(args, "--size")!, CultureInfo.InvariantCulture), work);
        var only = Arg(args, "--scale") is { } s ? [int.Parse(s, CultureInfo.InvariantCulture)] : new[] { 0, 1, 2 };
        var stages = Arg(args, "--only")?.Split(',');
        var rows = new List<string>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at start {LoadAverage.Now():F2} on {LoadAverage.Cores} cores"));
        foreach (var (stage, unit, sizes) in Stages.Where(st => stages is null || stages.Contains(st.Stage)))
        {
            var results = new List<(long Size, double Seconds, double PeakMb)>();
            foreach (var i in only)
            {
                var line = RunChild(stage, sizes[i], work);
                var parts = line.Split(' ');
                results.Add((sizes[i], double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-9} {sizes[i],12:N0} {unit}: {results[^1].Seconds,8:F3} s, peak RSS {results[^1].PeakMb,7:F0} MB"));
            }
            // Growth exponent k in time ∝ size^k between the smallest and largest size run (1 = linear).
            var k = results.Count > 1 ? Math.Log(results[^1].Seconds / results[0].Seconds) / Math.Log((double)results[^1].Size / results[0].Size) : double.NaN;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {stage} | {unit} | {string.Join(" / ", results.Select(r => r.Size.ToString("N0", CultureInfo.InvariantCulture)))} | {string.Join(" / ", results.Select(r => r.Seconds.ToString("F3", CultureInfo.InvariantCulture)))} | {string.Join(" / ", results.Select(r => r.PeakMb.ToString("F0", CultureInfo.InvariantCulture)))} | {(double.IsNaN(k) ? "n/a" : k.ToString("F2", CultureInfo.InvariantCulture))} |"));
        }
        var table = new StringBuilder()
            .AppendLine("| stage | size unit | sizes | seconds | peak RSS (MB) | k in time ∝ size^k |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows) table.AppendLine(r);
        table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"load average at end {LoadAverage.Now():F2} on {LoadAverage.Cores} cores"));
        var path = Path.Combine(work, "scaling.md");
        File.WriteAllText(path, table.ToString());
        Console.Write(table);
        Console.WriteLine($"table written to {path}");
        return 0;
    }

    private static string? Arg(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static string RunChild(string stage, long size, string work)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (!Environment.ProcessPath!.EndsWith("ScRepro.Bench", StringComparison.Ordinal))
            psi.ArgumentList.Add(typeof(Scaling).Assembly.Location); // run as `dotnet ScRepro.Bench.dll`
        foreach (var a in new[] { "--scaling-case", stage, "--size", size.ToString(CultureInfo.InvariantCulture), "--work", work })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"scaling case {stage} {size} failed (exit {p.ExitCode})");
        return output.Trim().Split('\n')[^1];
    }

    // One stage at one size: prints "seconds peakMB" as its last line.
    private static int Child(string stage, long size, string work)
    {
        Directory.CreateDirectory(work);
        Action step = stage switch
        {
            "read" => ReadStep(work, (int)size),
            "hash" => HashStep(work, size),
            "split" => SplitStep((int)size),
            "evaluate" => EvaluateStep((int)size),
            "logistic" => LogisticStep(work, (int)size),
            _ => throw new ArgumentException($"unknown scaling stage '{stage}'"),
        };
        step(); // warm-up: JIT and first-touch costs would otherwise swamp the small sizes
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        ResetPeakRss();
        // Best of three (timeit's rule, as the rest of the bench): slower runs measure other load, not the code.
        var seconds = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var sw = Stopwatch.StartNew();
            step();
            seconds = Math.Min(seconds, sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:F4} {PeakRssMb():F1}"));
        return 0;
    }

    private static Action ReadStep(string work, int cells)
    {
        var path = H5adOf(work, cells);
        return () => _ = AnnDataFile.Read(path);
    }

    private static Action HashStep(string work, long mb)
    {
        var path = Path.Combine(work, $"scaling-{mb}MB.bin");
        if (!File.Exists(path) || new FileInfo(path).Length != mb * 1_000_000)
        {
            var block = new byte[1_000_000];
            new Random(1).NextBytes(block);
            using var output = File.Create(path);
            for (var i = 0; i < mb; i++) output.Write(block);
        }
        FileHasher.Sha256(path); // warm the page cache: the row measures hashing, not the disk
        return () => _ = FileHasher.Sha256(path);
    }

    private static Action SplitStep(int n)
    {
        var rng = new Random(3);
        var labels = Enumerable.Range(0, n).Select(_ => "class" + rng.Next(11).ToString("D2", CultureInfo.InvariantCulture)).ToArray();
        var y = new LabelClasses(labels);
        return () => _ = new StratifiedShuffleSplit(SplitSize.Of(0.2), null, 2022).Split(y);
    }

    private static Action EvaluateStep(int perturbations)
    {
        const int genes = 1_000, cells = 50, controls = 500;
        var rng = new Random(20190201);
        var labels = new List<string>();
        var rows = new List<double[]>();
        var baseMean = Enumerable.Range(0, genes).Select(_ => 0.2 + rng.NextDouble()).ToArray();
        for (var c = 0; c < controls; c++) { labels.Add("ctrl"); rows.Add(baseMean); }
        for (var p = 0; p < perturbations; p++)
        {
            var mean = (double[])baseMean.Clone();
            for (var e = 0; e < 30; e++) mean[rng.Next(genes)] *= 0.1 + rng.NextDouble() * 5.9;
            for (var c = 0; c < cells; c++) { labels.Add("P" + p.ToString("D4", CultureInfo.InvariantCulture)); rows.Add(mean); }
        }
        AnnotatedData Sample()
        {
            var x = Csr(rows.Count, genes, (r, g) =>
            {
                var k = 0;
                var limit = Math.Exp(-rows[r][g]);
                for (var prod = rng.NextDouble(); prod > limit; prod *= rng.NextDouble()) k++;
                return k == 0 ? 0f : MathF.Log(1f + k);
            });
            var obs = new DataFrame(labels.Select((_, i) => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray());
            obs.Add(CategoricalColumn.FromLabels("target_gene", labels));
            return new AnnotatedData(x, obs, new DataFrame(Enumerable.Range(0, genes).Select(g => "G" + g.ToString(CultureInfo.InvariantCulture)).ToArray()));
        }
        var real = Sample();
        var pred = Sample();
        var options = new PerturbationEvalOptions
        {
            PertCol = "target_gene", ControlPert = "ctrl", NumThreads = Math.Min(2, Environment.ProcessorCount), ClusteringAgreement = false,
        };
        return () => _ = PerturbationEvaluator.Evaluate(real, pred, options);
    }

    private static Action LogisticStep(string work, int cells)
    {
        var data = AnnDataFile.Read(H5adOf(work, cells));
        var x = (CsrMatrix)data.X!;
        var labels = ((CategoricalColumn)data.Obs.Columns.Single(c => c.Name == "cell_type"));
        var train = Enumerable.Range(0, cells).Where(r => r % 5 != 0).ToArray();
        var trainLabels = train.Select(labels.GetString).Select(s => s!).ToArray();
        return () => _ = L1LogisticRegression.Fit(x, train, trainLabels, new LogisticOptions { C = 0.1 });
    }

    /// <summary>A seeded .h5ad of <paramref name="cells"/> × 2,000 genes, written once per size (11 classes with class-specific genes).</summary>
    private static string H5adOf(string work, int cells)
    {
        var path = Path.Combine(work, $"scaling-{cells}.h5ad");
        if (File.Exists(path)) return path;
        var rng = new Random(68);
        var classes = Enumerable.Range(0, cells).Select(_ => rng.Next(11)).ToArray();
        var marker = new bool[11, Genes];
        for (var c = 0; c < 11; c++) for (var m = 0; m < 40; m++) marker[c, rng.Next(Genes)] = true;
        var x = Csr(cells, Genes, (r, g) =>
        {
            var on = marker[classes[r], g];
            if (rng.NextDouble() >= (on ? 0.6 : Density)) return 0f;
            return (float)Math.Log(1 + (on ? 3 : 1) * (0.5 + rng.NextDouble()));
        });
        var obs = new DataFrame(Enumerable.Range(0, cells).Select(i => "cell" + i.ToString(CultureInfo.InvariantCulture)).ToArray());
        obs.Add(CategoricalColumn.FromLabels("cell_type", classes.Select(c => "type_" + c.ToString("D2", CultureInfo.InvariantCulture)).ToArray()));
        var var = new DataFrame(Enumerable.Range(0, Genes).Select(g => "gene" + g.ToString(CultureInfo.InvariantCulture)).ToArray());
        AnnDataFile.Write(path, new AnnotatedData(x, obs, var));
        return path;
    }

    private static CsrMatrix Csr(int rows, int cols, Func<int, int, float> value)
    {
        var indptr = new int[rows + 1];
        var indices = new List<int>();
        var data = new List<float>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var v = value(r, c);
                if (v == 0) continue;
                indices.Add(c);
                data.Add(v);
            }
            indptr[r + 1] = indices.Count;
        }
        return new CsrMatrix(rows, cols, indptr, indices.ToArray(), data.ToArray());
    }

    // Writing 5 to clear_refs resets VmHWM (Linux ≥ 4.0), so the peak is the step's, input included, not the build's.
    private static void ResetPeakRss()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static double PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
    }
}
