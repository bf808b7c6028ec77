using ScRepro.Foundation.IO;

namespace ScRepro.Pipeline.Stamps;

/// <summary>
/// Stamps live beside the outputs they describe, as &lt;output dir&gt;/.stamp.json. A unit whose output folder
/// is missing under this run's folder can be reused from a sibling run folder of the same experiment whose stamp
/// has the same key (e.g. runs/demo/abc1234/ when the tree became dirty only through a manifest edit).
/// </summary>
public static class StampStore
{
    public const string FileName = ".stamp.json";

    /// <summary>The stamp in <paramref name="outputDir"/>, or null when there is none or it cannot be read.</summary>
    public static Stamp? Read(string outputDir) => Read(outputDir, out _);

    /// <summary>
    /// The stamp, or null with <paramref name="problem"/> saying why (null when there is simply no stamp file):
    /// unreadable JSON, <c>{}</c> or a stamp missing a field is "no stamp", never a crash.
    /// </summary>
    public static Stamp? Read(string outputDir, out string? problem)
    {
        problem = null;
        var path = Path.Combine(outputDir, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var stamp = Json.Deserialize<Stamp>(File.ReadAllText(path));
            if (stamp is { IsComplete: true }) return stamp;
            problem = $"{path} lacks required fields";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException
                                      or NotSupportedException or InvalidOperationException)
        {
            problem = $"{path} is unreadable ({e.GetType().Name}: {e.Message})";
        }
        return null;
    }

    /// <summary>Why the unit must run, or null when its stamp matches and every expected output is the one it describes.</summary>
    public static string? Staleness(string outputDir, Stamp expected, IEnumerable<string> outputs)
    {
        var current = Read(outputDir, out var problem);
        if (current is null) return problem is null ? "no stamp" : $"no stamp ({problem})";
        if (current.Key != expected.Key)
        {
            var changed = expected.Inputs.Where(kv => !current.Inputs.TryGetValue(kv.Key, out var v) || v != kv.Value)
                .Select(kv => kv.Key).ToList();
            if (current.CodeState != expected.CodeState) changed.Add("code");
            return "changed: " + (changed.Count > 0 ? string.Join(", ", changed) : "inputs");
        }
        var list = outputs.ToList();
        var missing = list.FirstOrDefault(o => !File.Exists(Path.Combine(outputDir, o)));
        if (missing is not null) return $"missing output {missing}";
        if (current.Outputs is null) return "the stamp records no output hashes (made by an older ScRepro)";
        foreach (var output in list)
            if (!current.Outputs.TryGetValue(output, out var want) || ContentHashes.Of(Path.Combine(outputDir, output)) != want)
                return $"output {output} differs from the one its stamp records";
        return null;
    }

    /// <summary>Writes the stamp last, after every output: an interrupted unit is never taken as done.</summary>
    public static void Write(string outputDir, Stamp stamp) => Json.WriteFile(Path.Combine(outputDir, FileName), stamp);

    /// <summary>The first sibling run folder holding this unit up to date (same stamp key, every output), or null.</summary>
    public static string? FindReusable(string outputDir, Stamp expected, IReadOnlyList<string> outputs, IEnumerable<string> siblingDirs) =>
        siblingDirs.FirstOrDefault(candidate => Path.GetFullPath(candidate) != Path.GetFullPath(outputDir)
                                                && Staleness(candidate, expected, outputs) is null);

    /// <summary>Copies a matching unit from a sibling run folder; true when reused.</summary>
    public static bool TryReuse(string outputDir, Stamp expected, IReadOnlyList<string> outputs, IEnumerable<string> siblingDirs, out string from)
    {
        from = FindReusable(outputDir, expected, outputs, siblingDirs) ?? "";
        if (from.Length == 0) return false;
        CopyTree(from, outputDir);
        return true;
    }

    private static void CopyTree(string source, string target)
    {
        var tmp = target + $".reuse-tmp-{Environment.ProcessId}";
        if (Directory.Exists(tmp)) Directory.Delete(tmp, true);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(tmp, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        if (Directory.Exists(target)) Directory.Delete(target, true);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        Directory.Move(tmp, target);
    }
}
