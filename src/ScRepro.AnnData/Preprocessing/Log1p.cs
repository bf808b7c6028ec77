using System.Numerics.Tensors;
using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Preprocessing;

/// <summary>
/// scanpy.pp.log1p(adata, base=None|2): X = log(1 + X), divided by log(base) when a base is given
/// (scBERT's recipe uses base 2). Sparse matrices transform their stored values only (log1p(0) = 0).
/// </summary>
public static class Log1p
{
    /// <summary>A transformed float32 copy; <paramref name="logBase"/> null is the natural logarithm.</summary>
    public static Matrix Apply(Matrix x, double? logBase = null)
    {
        switch (x)
        {
            case CsrMatrix csr:
                return new CsrMatrix(csr.Rows, csr.Cols, csr.IndPtr, csr.Indices, Transform(csr.Data, logBase));
            case CscMatrix csc:
                return new CscMatrix(csc.Rows, csc.Cols, csc.IndPtr, csc.Indices, Transform(csc.Data, logBase));
            case DenseMatrix dense:
                return new DenseMatrix(dense.Rows, dense.Cols, Transform(dense.Data, logBase));
            default:
                throw new ArgumentException($"unsupported matrix {x.GetType().Name}");
        }
    }

    private static float[] Transform(float[] values, double? logBase)
    {
        var result = new float[values.Length];
        TensorPrimitives.LogP1<float>(values, result);
        if (logBase is { } b) TensorPrimitives.Divide(result, (float)Math.Log(b), result);
        return result;
    }
}
