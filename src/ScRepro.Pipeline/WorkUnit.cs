namespace ScRepro.Pipeline;

/// <summary>
/// One unit of stage work (a dataset, a split, a model × seed, a card): its output folder, the inputs its stamp
/// records, the files it must leave, and the action that makes them inside a temporary folder.
/// A unit that is not <see cref="CodeSensitive"/> (a verified download, a lock) ignores code changes: re-fetching
/// gigabytes because a C# file changed would prove nothing its hashes do not already prove.
/// <see cref="Products"/> are files the unit makes outside its folder (a download lands in data/&lt;id&gt;/): one that is
/// missing makes the unit stale. (Their presence cannot be a stamp input: it changes the moment the unit runs.)
/// A <see cref="Resumable"/> unit works in &lt;output&gt;.partial/, kept when it fails or is killed and handed to the next
/// run with the same stamp (scGPT continues from its epoch checkpoint there); a different stamp discards it.
/// <see cref="Consumes"/> names the upstream outputs the unit reads (name → path): their content hashes join its stamp,
/// so a changed prediction file re-runs exactly the evaluation and card that read it.
/// <see cref="Resources"/> is what a batch scheduler should grant the unit (from the model manifest); null: its defaults.
/// </summary>
public sealed record WorkUnit(
    string Stage,
    string Name,
    string OutputDir,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<string> Outputs,
    Action<string> Run,
    string? ReuseBase = null,
    bool CodeSensitive = true,
    IReadOnlyList<string>? Products = null,
    bool Resumable = false,
    IReadOnlyDictionary<string, string>? Consumes = null,
    Core.Manifests.ModelResources? Resources = null);

/// <summary>A unit could not be planned because an upstream output is missing (e.g. Train before Splits).</summary>
public sealed class UpstreamMissingException(string message) : Exception(message);
