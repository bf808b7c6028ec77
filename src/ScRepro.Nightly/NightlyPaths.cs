namespace ScRepro.Nightly;

/// <summary>Where a nightly's files live under the output folder (reports/nightly/ by default).</summary>
public static class NightlyPaths
{
    public const string HistoryFile = "history.csv";
    public const string ReportJson = "drift.json";
    public const string ReportMarkdown = "DRIFT.md";

    /// <summary>reports/nightly/&lt;date&gt;/results/&lt;experiment&gt;/&lt;model&gt;.json: what Bless turns into golden files.</summary>
    public static string Result(string folder, string experiment, string model) =>
        Path.Combine(folder, "results", experiment, model + ".json");

    /// <summary>reports/golden/&lt;experiment&gt;/&lt;model&gt;/golden.json.</summary>
    public static string Golden(string goldenDir, string experiment, string model) =>
        Path.Combine(goldenDir, experiment, model, global::ScRepro.Nightly.Golden.ModelResult.FileName);
}
