using System.Text.Json;
using System.Text.Json.Nodes;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Splits.Text;

namespace ScRepro.Splits.Files;

/// <summary>Builds, writes (atomically) and reads <see cref="SplitFile"/>s; reading re-checks the membership hash.</summary>
public static class SplitFiles
{
    /// <summary>A split file for the given parts: counts, class counts (when <paramref name="labelOf"/> is given) and hash.</summary>
    public static SplitFile Create(string policy, long seed, IReadOnlyDictionary<string, object?> parameters, string unit,
        IReadOnlyList<string> train, IReadOnlyList<string> val, IReadOnlyList<string> test,
        Func<string, string>? labelOf = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? subgroup = null,
        string? sourceLockHash = null, JsonObject? provenance = null)
    {
        var parts = new[] { ("train", train), ("val", val), ("test", test) };
        var counts = new SortedDictionary<string, int>(CodePointComparer.Instance);
        foreach (var (name, members) in parts) counts[name] = members.Count;
        SortedDictionary<string, SortedDictionary<string, int>>? classCounts = null;
        if (labelOf is not null)
        {
            classCounts = new(CodePointComparer.Instance);
            foreach (var (name, members) in parts)
            {
                var perClass = new SortedDictionary<string, int>(CodePointComparer.Instance);
                foreach (var m in members)
                {
                    var label = labelOf(m);
                    perClass[label] = perClass.GetValueOrDefault(label) + 1;
                }
                classCounts[name] = perClass;
            }
        }
        return new SplitFile
        {
            Policy = policy,
            Seed = seed,
            Parameters = new SortedDictionary<string, object?>(parameters.ToDictionary(), CodePointComparer.Instance),
            SourceLockHash = sourceLockHash,
            Unit = unit,
            MembershipHash = MembershipHash.Compute(train, val, test),
            Counts = counts,
            ClassCounts = classCounts,
            Train = train,
            Val = val,
            Test = test,
            Subgroup = subgroup,
            Provenance = provenance,
        };
    }

    /// <summary>Writes the split as JSON under a temporary name, then renames it into place.</summary>
    public static void Write(string path, SplitFile split) => Json.WriteFile(path, split);

    /// <summary>Reads a split file and checks its format, counts and membership hash; errors name the file and field.</summary>
    public static SplitFile Read(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: split file not found");
        SplitFile split;
        try
        {
            split = Json.Deserialize<SplitFile>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{path}: not a ScRepro split file ({e.Message})", inner: e);
        }
        if (split is null) throw new ScReproException($"{path}: empty split file");
        if (split.Format != SplitFile.CurrentFormat)
            throw new ScReproException($"{path}: field 'format' is '{split.Format}', expected '{SplitFile.CurrentFormat}'");
        foreach (var (name, members) in new[] { ("train", split.Train), ("val", split.Val), ("test", split.Test) })
        {
            if (members is null) throw new ScReproException($"{path}: field '{name}' is missing");
            if (split.Counts is null || split.Counts.GetValueOrDefault(name, -1) != members.Count)
                throw new ScReproException($"{path}: field 'counts.{name}' does not match the {members.Count} members listed");
        }
        string hash;
        try
        {
            hash = MembershipHash.Compute(split.Train, split.Val, split.Test);
        }
        catch (ScReproException e)
        {
            throw new ScReproException($"{path}: {e.Message}", inner: e);
        }
        if (!string.Equals(hash, split.MembershipHash, StringComparison.Ordinal))
            throw new ScReproException($"{path}: field 'membership_hash' is {split.MembershipHash} but the members hash to {hash} (edited by hand?)");
        return split;
    }
}
