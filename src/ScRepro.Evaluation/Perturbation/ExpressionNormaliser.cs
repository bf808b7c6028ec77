using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;

namespace ScRepro.Evaluation.Perturbation;

/// <summary>
/// cell-eval's log-normalisation check (utils.py guess_is_lognorm and _evaluator.py): data with any fractional value
/// (&gt; 1e-3) are taken as log1p already and must lie in [0, 15); integer data are normalised to the median total count
/// (scanpy normalize_total, target_sum=None) and log1p'd, each AnnData on its own.
/// </summary>
public static class ExpressionNormaliser
{
    /// <summary>Returns X as CSR in log1p space, or throws a ScReproException naming <paramref name="source"/> and X.</summary>
    public static CsrMatrix Prepare(Matrix? x, string source, bool allowDiscrete)
    {
        if (x is null) throw new ScReproException($"{source}: X is missing; cell-eval evaluates .X");
        var csr = x switch
        {
            CsrMatrix c => c,
            CscMatrix c => c.ToCsr(),
            _ => CsrMatrix.FromDense(x.ToDense()),
        };
        var data = csr.Data;
        var fractional = false;
        float min = 0f, max = 0f;
        foreach (var v in data)
        {
            if (float.IsNaN(v)) throw new ScReproException($"{source}: X contains NaN values");
            if (v < min) min = v;
            if (v > max) max = v;
            if (!fractional && Math.Abs(v - Math.Round(v)) > 1e-3) fractional = true;
        }
        if (fractional)
        {
            if (min < 0) throw new ScReproException($"{source}: X looks log-normalised but has a negative value ({min}); expected log1p expression ≥ 0");
            if (max >= 15f && !allowDiscrete)
                throw new ScReproException($"{source}: X looks log-normalised but its maximum is {max} (≥ 15); expected log1p expression, not raw counts");
            return csr;
        }
        if (allowDiscrete) return csr;
        if (min < 0) throw new ScReproException($"{source}: X holds integers with a negative value ({min}); expected raw counts");
        return NormaliseTotalLog1p(csr);
    }

    /// <summary>sc.pp.normalize_total (target = median of the non-zero cell totals) followed by sc.pp.log1p.</summary>
    public static CsrMatrix NormaliseTotalLog1p(CsrMatrix counts)
    {
        var totals = new double[counts.Rows];
        for (var r = 0; r < counts.Rows; r++)
            foreach (var v in counts.RowValues(r)) totals[r] += v;
        var positive = totals.Where(t => t > 0).Order().ToArray();
        var target = positive.Length == 0 ? 0.0
            : positive.Length % 2 == 1 ? positive[positive.Length / 2]
            : (positive[positive.Length / 2 - 1] + positive[positive.Length / 2]) / 2.0;
        var data = new float[counts.Data.Length];
        for (var r = 0; r < counts.Rows; r++)
        {
            // Cells with no counts stay zero (scanpy leaves them unscaled).
            var scale = totals[r] > 0 ? target / totals[r] : 1.0;
            for (var k = counts.IndPtr[r]; k < counts.IndPtr[r + 1]; k++)
                data[k] = (float)Math.Log(1.0 + (float)(counts.Data[k] * scale));
        }
        return new CsrMatrix(counts.Rows, counts.Cols, counts.IndPtr, counts.Indices, data);
    }
}
