namespace ScRepro.AnnData.Matrices;

/// <summary>CSR ↔ CSC conversion: a counting sort of the entries by minor index (scipy's csr_tocsc).</summary>
internal static class SparseTranspose
{
    /// <summary>Re-compresses a major×minor compressed matrix along its minor axis; output minor indices are sorted.</summary>
    public static (int[] IndPtr, int[] Indices, float[] Data) Compress(int major, int minor, int[] indptr, int[] indices, float[] data)
    {
        var nnz = indptr[major];
        var outPtr = new int[minor + 1];
        for (var k = 0; k < nnz; k++) outPtr[indices[k] + 1]++;
        for (var j = 0; j < minor; j++) outPtr[j + 1] += outPtr[j];
        var next = (int[])outPtr.Clone();
        var outIdx = new int[nnz];
        var outData = new float[nnz];
        for (var i = 0; i < major; i++)
        {
            for (var k = indptr[i]; k < indptr[i + 1]; k++)
            {
                var dst = next[indices[k]]++;
                outIdx[dst] = i;
                outData[dst] = data[k];
            }
        }
        return (outPtr, outIdx, outData);
    }
}
