namespace ScRepro.Bench;

/// <summary>
/// One benchmark. Program finds every implementation by reflection, so adding a benchmark is adding a file.
/// A benchmark times ScRepro and, where the reference tool is installed (python3 with anndata, sklearn,
/// scipy, torch), the reference in the same run, and reports both and their ratio.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short id, used with --only.</summary>
    string Name { get; }

    void Run(BenchContext context);
}
