using System.Globalization;
using System.Text.Json;
using ScRepro.AnnData;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using AnnDataObject = ScRepro.AnnData.AnnotatedData;

namespace ScRepro.Bench;

/// <summary>
/// Reading a Norman-sized .h5ad (20,000 cells × 5,045 genes, CSR float32, ~30% non-zero, uncompressed as
/// anndata's write_h5ad leaves it by default): the whole file, and 1,000 random rows of X through the lazy reader,
/// against python3-anndata's read_h5ad and backed-mode X[rows] in the same run; and the whole file again as
/// anndata writes it with compression="gzip" (h5py's chunk shapes), where our reader inflates chunks in parallel.
/// </summary>
public sealed class AnnDataBenchmark : IBenchmark
{
    private const int Cells = 20_000;
    private const int Genes = 5_045;
    private const double Density = 0.30;
    private const int Seed = 20261121;

    public string Name => "anndata";

    public void Run(BenchContext context)
    {
        var path = Path.Combine(context.WorkDir, "norman_sized_csr.h5ad");
        if (!File.Exists(path))
        {
            Console.WriteLine($"  generating {path} (seed {Seed})");
            AnnDataFile.Write(path, Generate());
        }
        var rows = new Random(Seed).GetItems(Enumerable.Range(0, Cells).ToArray(), 4 * 1000).Distinct().Take(1000).Order().ToArray();
        var rowsFile = Path.Combine(context.WorkDir, "norman_sized_rows.json");
        File.WriteAllText(rowsFile, JsonSerializer.Serialize(rows));

        var gzip = Path.Combine(context.WorkDir, "norman_sized_csr_gzip.h5ad");
        if (!File.Exists(gzip))
        {
            // anndata's own gzip file when python is here (its chunking is h5py's guess), else ours (65,536-value chunks).
            if (BenchContext.RunPython(GzipWriter, path, gzip) is null) AnnDataFile.Write(gzip, AnnDataFile.Read(path), gzip: true);
        }

        long nnz = 0;
        var full = BenchContext.Time(() => nnz = ((CsrMatrix)AnnDataFile.Read(path).X!).Nnz);
        var fullGzip = BenchContext.Time(() => _ = AnnDataFile.Read(gzip));
        var subset = BenchContext.Time(() =>
        {
            using var f = AnnDataFile.Open(path);
            _ = f.ReadXRows(rows);
        });
        Console.WriteLine($"  X: {Cells} x {Genes}, {nnz} stored values ({(double)nnz / Cells / Genes:P1}), file {new FileInfo(path).Length / 1e6:F0} MB");

        var py = BenchContext.RunPython(PythonScript, path, rowsFile, gzip);
        Timing? pyFull = null, pyRows = null, pyGzip = null;
        if (py is not null)
        {
            using var doc = JsonDocument.Parse(py);
            pyFull = Timing.Parse(doc.RootElement.GetProperty("full").GetRawText());
            pyRows = Timing.Parse(doc.RootElement.GetProperty("rows").GetRawText());
            pyGzip = Timing.Parse(doc.RootElement.GetProperty("gzip").GetRawText());
        }
        context.Report("anndata", "read_h5ad full (20000x5045 csr, 30%)", full, pyFull, "anndata read_h5ad");
        context.Report("anndata", "1000 random rows of X (lazy)", subset, pyRows, "anndata backed X[rows]");
        context.Report("anndata", "read_h5ad full, gzip-compressed", fullGzip, pyGzip, "anndata read_h5ad");
    }

    private static AnnDataObject Generate()
    {
        var rng = new Random(Seed);
        var indptr = new int[Cells + 1];
        var indices = new List<int>((int)(Cells * Genes * Density * 1.01));
        var data = new List<float>(indices.Capacity);
        for (var r = 0; r < Cells; r++)
        {
            for (var c = 0; c < Genes; c++)
            {
                if (rng.NextDouble() >= Density) continue;
                indices.Add(c);
                data.Add(1 + (float)Math.Floor(-Math.Log(1 - rng.NextDouble()) * 3)); // geometric-ish counts
            }
            indptr[r + 1] = indices.Count;
        }
        var x = new CsrMatrix(Cells, Genes, indptr, indices.ToArray(), data.ToArray());
        var obs = new DataFrame(Enumerable.Range(0, Cells).Select(i => "cell" + i.ToString(CultureInfo.InvariantCulture)).ToArray());
        obs.Add(CategoricalColumn.FromLabels("condition", Enumerable.Range(0, Cells).Select(i => "pert" + (i % 284).ToString(CultureInfo.InvariantCulture)).ToArray()));
        var var = new DataFrame(Enumerable.Range(0, Genes).Select(i => "gene" + i.ToString(CultureInfo.InvariantCulture)).ToArray());
        return new AnnDataObject(x, obs, var);
    }

    // Three runs each, timed inside python so interpreter start-up and imports are not counted.
    private const string PythonScript = """
        import json, sys, time, warnings
        warnings.filterwarnings("ignore")
        import anndata as ad, numpy as np
        path, rows, gzip = sys.argv[1], np.array(json.load(open(sys.argv[2]))), sys.argv[3]
        def best(f):
            t = []
            for _ in range(3):
                s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
            return t
        def rows_backed():
            a = ad.read_h5ad(path, backed="r")
            x = a.X[rows]
            a.file.close()
            return x
        print(json.dumps({"full": best(lambda: ad.read_h5ad(path)), "rows": best(rows_backed), "gzip": best(lambda: ad.read_h5ad(gzip))}))
        """;

    private const string GzipWriter = """
        import sys, warnings
        warnings.filterwarnings("ignore")
        import anndata as ad
        ad.read_h5ad(sys.argv[1]).write_h5ad(sys.argv[2] + ".tmp", compression="gzip")
        import os; os.replace(sys.argv[2] + ".tmp", sys.argv[2])
        """;
}
