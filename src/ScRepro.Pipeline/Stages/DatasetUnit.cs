namespace ScRepro.Pipeline.Stages;

/// <summary>
/// A Download unit that writes into data/&lt;id&gt;/ (its products) and keeps only its stamp and receipt.json in
/// data/&lt;id&gt;/.screpro/&lt;kind&gt;/&lt;n&gt;/. Not code-sensitive: the files are checked by hash, not by who made them.
/// </summary>
internal static class DatasetUnit
{
    /// <summary>The folder of data/&lt;id&gt;/ that holds stamps and receipts: no manifest path or archive entry may write there.</summary>
    public const string Bookkeeping = ".screpro";

    public static WorkUnit Create(RunContext ctx, string kind, int index, string name, Dictionary<string, string> inputs,
        Action<string> run, IReadOnlyList<string> products) =>
        new("download", $"{ctx.Dataset.Id}/{name}",
            Path.Combine(ctx.DataDir, Bookkeeping, kind, index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            inputs, ["receipt.json"], run, CodeSensitive: false, Products: products);
}
