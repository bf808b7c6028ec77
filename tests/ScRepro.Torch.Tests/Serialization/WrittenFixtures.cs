using ScRepro.Testing;
using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>
/// The checkpoints our writer produced and scripts/verify_written.py loaded with torch.load (weights_only=True and
/// plain) and compared with the source. The tests check the writer still produces exactly those bytes.
/// Regenerate (then re-run verify_written.py) with SCREPRO_REGEN_CHECKPOINT_FIXTURES=1 dotnet test --filter Written.
/// </summary>
internal static class WrittenFixtures
{
    /// <summary>Fixture files re-written from their torch-made source (the archive name is the target's stem).</summary>
    public static readonly (string Source, string Target)[] Rewrites =
    [
        ("adam.pt", "adam.pt"),
        ("nested.pt", "nested.pt"),
        ("shared.pt", "shared.pt"),
        ("views_legacy.pt", "views_from_legacy.pt"),
        ("dtypes_legacy.pt", "dtypes_from_legacy.pt"),
        ("cuda.pt", "cuda.pt"),
        ("parameter.pt", "parameter.pt"),
    ];

    public static string Path(string file) => TestPaths.Fixture("checkpoints", "written", file);

    public static bool Regenerate => Environment.GetEnvironmentVariable("SCREPRO_REGEN_CHECKPOINT_FIXTURES") == "1";

    /// <summary>
    /// A state dict built from scratch in C#; verify_written.py builds the same tensors in torch and compares
    /// values, dtypes, strides, offsets and storage sharing.
    /// </summary>
    public static TorchOrderedDict ScratchStateDict()
    {
        var w = StoredTensor.FromFloats([2, 3], [0f, 0.25f, -1.5f, 3f, 1e-3f, 7f]);
        var dict = new TorchOrderedDict
        {
            ["w"] = w,
            ["w_t"] = new StoredTensor(w.Storage, 0, [3, 2], [1, 3]),        // w.t(), same storage
            ["tail"] = new StoredTensor(w.Storage, 3, [3], [1]),             // w.view(-1)[3:], offset 3
            ["bf16"] = StoredTensor.FromDoubles(TorchDType.BFloat16, [3], [1.5, -2, 0.1]),
            ["f16"] = StoredTensor.FromDoubles(TorchDType.Float16, [3], [0.5, 65504, -0.25]),
            ["f64"] = StoredTensor.FromDoubles(TorchDType.Float64, [2, 2], [1e-300, 2, 3, 4]),
            ["i64"] = StoredTensor.FromLongs([2], [-(1L << 40), 5]),
            ["i32"] = StoredTensor.FromDoubles(TorchDType.Int32, [1], [7]),
            ["u8"] = StoredTensor.FromDoubles(TorchDType.UInt8, [2], [0, 255]),
            ["flag"] = StoredTensor.FromDoubles(TorchDType.Bool, [3], [1, 0, 1]),
            ["step"] = StoredTensor.FromLongs([], [11]),
        };
        return dict;
    }
}
