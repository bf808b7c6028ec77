namespace ScRepro.Pipeline.Training;

/// <summary>
/// The size class a checkpoint re-predicts in on a CPU here: the demos' (2 layers × 32-64 wide). The full models
/// (scGPT 12 × 512, scBERT 6 × 200, Geneformer 6 × 256 and up) need a GPU, which the audit reports rather than
/// waiting hours for.
/// </summary>
public static class CpuSize
{
    public const int MaxLayers = 4;
    public const int MaxWidth = 128;

    /// <summary>"needs a GPU: …" for a model beyond the CPU size class on a machine without CUDA, else null.</summary>
    public static string? NeedsGpu(string what, int layers, int width) =>
        (layers > MaxLayers || width > MaxWidth) && !Torch.torch.cuda.is_available()
            ? $"needs a GPU: {what} is {layers} layers × width {width}, beyond the CPU size class ({MaxLayers} × {MaxWidth}), and this machine has no CUDA device"
            : null;

    /// <summary>The first of <paramref name="names"/> missing from <paramref name="folder"/>, as a reason, or null.</summary>
    public static string? Missing(string folder, string kind, params string[] names) =>
        names.FirstOrDefault(n => !File.Exists(Path.Combine(folder, n))) is { } missing
            ? $"a {kind} re-prediction needs {string.Join(", ", names)} in the folder; {missing} is missing"
            : null;
}
