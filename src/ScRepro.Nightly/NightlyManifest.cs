using ScRepro.Core.Manifests;

namespace ScRepro.Nightly;

/// <summary>
/// manifests/nightly.yaml: the experiments a nightly run re-runs, where the golden files, tolerances, reports and
/// history live (relative to the project root, never outside it), how many past runs the history keeps, and which
/// verdict fails the run.
/// </summary>
public sealed record NightlyManifest(
    IReadOnlyList<NightlyExperiment> Experiments,
    string Golden,
    string Tolerances,
    string Output,
    int HistoryKeep,
    FailOn FailOn,
    ManifestOrigin Origin)
{
    /// <summary>Reads <paramref name="file"/> strictly (see <see cref="NightlyManifestReader"/>).</summary>
    public static NightlyManifest Load(string file) => NightlyManifestReader.Read(file);
}
