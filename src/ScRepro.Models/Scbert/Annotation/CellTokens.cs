using ScRepro.Foundation.Errors;
using ScRepro.Models.Scbert.Preprocessing;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scbert.Annotation;

/// <summary>
/// Every cell's scBERT tokens (genes in var order, then the CLS 0), one byte each: at Zheng68K size that is 0.9 GB
/// where int64 rows would be 7.4 GB. Optionally applies preprocess.py's normalize_total(1e4) + log2(1+x) first.
/// </summary>
public sealed class CellTokens
{
    private readonly byte[][] _rows;

    private CellTokens(byte[][] rows, int positions) => (_rows, Positions) = (rows, positions);

    public int Count => _rows.Length;

    /// <summary>Genes + the CLS slot.</summary>
    public int Positions { get; }

    public static CellTokens Build(AnnData.AnnotatedData data, IReadOnlyList<int> rows, int maxBin, bool log2Normalise, string source)
    {
        if (data.X is null) throw new ScReproException($"{source}: X is missing");
        var result = new byte[rows.Count][];
        const int chunk = 512;
        for (var start = 0; start < rows.Count; start += chunk)
        {
            var block = data.X.ToDense(rows.Skip(start).Take(chunk).ToList());
            for (var r = 0; r < block.Rows; r++)
            {
                var values = block.Row(r).ToArray();
                if (log2Normalise) Log2Normalise(values, source, rows[start + r]);
                var tokens = ExpressionTokens.Tokenize(values, maxBin);
                result[start + r] = tokens.Select(t => (byte)t).ToArray();
            }
        }
        return new CellTokens(result, data.NVars + 1);
    }

    /// <summary>x / Σx · 10⁴, then log2(1 + x), rounded to float32 as scanpy leaves a float32 X.</summary>
    private static void Log2Normalise(float[] values, string source, int row)
    {
        double total = 0;
        foreach (var v in values) total += v;
        if (total <= 0) throw new ScReproException($"{source}: cell {row} has no counts (scBERT's preprocess.py drops cells under 200 genes first)");
        for (var g = 0; g < values.Length; g++) values[g] = (float)Math.Log2(1 + values[g] / total * 1e4);
    }

    /// <summary>The cells at <paramref name="indices"/> as an int64 (batch, positions) tensor.</summary>
    public Tensor Batch(IReadOnlyList<int> indices, Device device)
    {
        var flat = new long[indices.Count * Positions];
        for (var i = 0; i < indices.Count; i++)
        {
            var row = _rows[indices[i]];
            for (var p = 0; p < Positions; p++) flat[i * Positions + p] = row[p];
        }
        return tensor(flat, [indices.Count, Positions], ScalarType.Int64).to(device);
    }
}
