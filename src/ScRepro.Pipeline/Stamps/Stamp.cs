using System.Security.Cryptography;
using System.Text;
using ScRepro.Core.Manifests;

namespace ScRepro.Pipeline.Stamps;

/// <summary>
/// What one unit of stage work consumed: named input hashes and parameters (including the content hashes of the
/// upstream outputs it read, and the software versions for code-sensitive units), plus the code state.
/// <see cref="Key"/> is sha256 over the canonical JSON of {stage, unit, inputs, code_state}; a unit is up to date
/// when its stamp's key equals the key computed now and its outputs still have the content hashes in
/// <see cref="Outputs"/> (as dvc.lock records outs: an output edited or replaced by hand is not what the stamp describes).
/// </summary>
public sealed record Stamp(
    string Stage,
    string Unit,
    SortedDictionary<string, string> Inputs,
    string Commit,
    bool Dirty,
    string CodeState,
    string Key,
    string CreatedUtc,
    SortedDictionary<string, string>? Outputs = null)
{
    /// <summary>The Slurm job that ran the unit (not part of <see cref="Key"/>); absent for a local run.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Contracts.SchedulerInfo? Scheduler { get; init; }

    public static Stamp Create(string stage, string unit, IReadOnlyDictionary<string, string> inputs, CodeState code, bool codeSensitive = true)
    {
        var sorted = new SortedDictionary<string, string>(inputs.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        var canonical = YamlValues.CanonicalJson(new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["stage"] = stage,
            ["unit"] = unit,
            ["inputs"] = sorted.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
            ["code_state"] = codeSensitive ? code.StateHash : "any",
        });
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return new Stamp(stage, unit, sorted, code.Commit, code.Dirty, codeSensitive ? code.StateHash : "any", key,
            DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Whether every field a stamp must have is present (a stamp of <c>{}</c> or a truncated one is not a stamp).</summary>
    public bool IsComplete =>
        !string.IsNullOrEmpty(Stage) && !string.IsNullOrEmpty(Unit) && Inputs is not null && !string.IsNullOrEmpty(Key)
        && !string.IsNullOrEmpty(CodeState) && Inputs.Values.All(v => v is not null)
        && (Outputs is null || Outputs.Values.All(v => v is not null));
}
