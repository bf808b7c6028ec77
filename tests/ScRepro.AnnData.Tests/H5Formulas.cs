using ScRepro.Testing;

namespace ScRepro.AnnData.Tests;

/// <summary>
/// The fixtures of tests/fixtures/anndata/chunked (made by scripts/make_chunked.py with h5py 3.7) and the formulas of
/// the element index their values follow (the script's VALUES): f32 = i/2 − 3, i32 = (7919 i mod 100003) − 5000,
/// i64 = i·2^33 + 17, for i in 0..<see cref="N"/>−1.
/// </summary>
internal static class H5Formulas
{
    public const int N = 1000;

    public static string Fixture(string name) => TestPaths.Fixture("anndata", "chunked", name);

    public static float F32(int i) => i * 0.5f - 3f;
    public static int I32(int i) => (int)(i * 7919L % 100003) - 5000;
    public static long I64(int i) => i * (1L << 33) + 17;

    public static IEnumerable<T> Values<T>(Func<int, T> formula) => Enumerable.Range(0, N).Select(formula);

    /// <summary>Bad data gets one error that names the file, the dataset and what is wrong.</summary>
    public static void AssertNames(Exception e, string file, string dataset, string problem)
    {
        Assert.Contains(file, e.Message);
        Assert.Contains(dataset, e.Message);
        Assert.Contains(problem, e.Message);
    }
}
