using System.Security.Cryptography;
using ScRepro.Foundation.IO;

namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// The folder of a stage's submissions: runs/&lt;exp&gt;/&lt;commit&gt;/slurm/&lt;stage&gt;/&lt;token&gt;/ holds submission.json,
/// job.sh, each task's log (&lt;job&gt;_&lt;index&gt;.log) and result-&lt;index&gt;.json. It sits under runs/ (git-ignored), so
/// writing it never dirties the tree the jobs compute their code state from.
/// </summary>
public sealed class SubmissionStore(RunContext ctx, string stage)
{
    public string Dir { get; } = Path.Combine(ctx.RunDir, "slurm", stage);

    public static string FolderOf(string submissionFile) => Path.GetDirectoryName(Path.GetFullPath(submissionFile))!;

    public string Folder(Submission s) => Path.Combine(Dir, s.Token);

    public string FileOf(Submission s) => Path.Combine(Folder(s), "submission.json");

    public static string LogPath(string folder, string taskId) => Path.Combine(folder, taskId + ".log");

    public static string ResultPath(string folder, int index) => Path.Combine(folder, $"result-{index}.json");

    /// <summary>A new token: UTC time (sortable, readable) and 8 random hex digits (two submitters in the same second).</summary>
    public static string NewToken() =>
        DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-"
        + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public void Save(Submission s)
    {
        Directory.CreateDirectory(Folder(s));
        Json.WriteFile(FileOf(s), s);
    }

    /// <summary>Every recorded submission of this stage, oldest first; unreadable records are skipped (a crash mid-write).</summary>
    public IReadOnlyList<Submission> All()
    {
        if (!Directory.Exists(Dir)) return [];
        var list = new List<Submission>();
        foreach (var folder in Directory.GetDirectories(Dir).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "submission.json");
            if (!File.Exists(file)) continue;
            try
            {
                list.Add(Json.Deserialize<Submission>(File.ReadAllText(file)));
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }
        return list;
    }

    public static Submission Read(string file) => Json.Deserialize<Submission>(File.ReadAllText(file));

    public static UnitResult? ReadResult(string folder, int index)
    {
        var path = ResultPath(folder, index);
        if (!File.Exists(path)) return null;
        try
        {
            return Json.Deserialize<UnitResult>(File.ReadAllText(path));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
