using ScRepro.Core.Errors;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Audit.Checks;

/// <summary>The tolerance model levels C and D judge numbers with: --tolerances, else manifests/tolerances.yaml (read strictly).</summary>
public sealed record ToleranceSource(ToleranceModel? Model, string? Path, string? Sha256)
{
    /// <summary>Loads the file when it exists; an explicit --tolerances that does not exist is bad input.</summary>
    public static ToleranceSource Load(AuditOptions options, string root)
    {
        var path = options.Tolerances is { } t ? System.IO.Path.GetFullPath(t) : System.IO.Path.Combine(root, "manifests", "tolerances.yaml");
        if (!File.Exists(path))
        {
            if (options.Tolerances is not null) throw new ScReproException($"--tolerances {path}: no such file");
            return new ToleranceSource(null, null, null);
        }
        var model = ToleranceModel.Load(path);
        return new ToleranceSource(model, path, model.Sha256);
    }
}
