using System.Xml;
using System.Xml.Linq;
using ScRepro.Foundation.Errors;

namespace ScRepro.Core.Reports;

/// <summary>
/// The Test target's closing line, read from the Visual Studio test result files (`dotnet test --logger trx`) of every
/// test project: one count over the whole solution, and an error when a file is unreadable or no test ran at all
/// (a run that silently tested nothing must not pass).
/// </summary>
public sealed record TrxSummary(int Files, long Passed, long Failed, long Skipped)
{
    /// <summary>"Test: N passed, N failed, N skipped" (the line CI greps).</summary>
    public override string ToString() => $"Test: {Passed} passed, {Failed} failed, {Skipped} skipped";

    public bool Succeeded => Failed == 0 && Passed > 0;

    /// <summary>Sums the &lt;Counters&gt; of every *.trx under <paramref name="folder"/>.</summary>
    public static TrxSummary Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new ScReproException($"{folder}: no test results folder (did dotnet test run with --logger trx?)");
        var files = Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        long passed = 0, failed = 0, skipped = 0;
        foreach (var file in files)
        {
            XElement counters;
            try
            {
                counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters")
                           ?? throw new ScReproException($"{file}: no <Counters> element (not a trx file, or a run cut short)");
            }
            catch (XmlException e)
            {
                throw new ScReproException($"{file}: not well-formed XML ({e.Message})");
            }
            passed += Count(counters, "passed", file);
            // A test that errored or timed out did not pass: count it with the failures.
            failed += Count(counters, "failed", file) + Count(counters, "error", file) + Count(counters, "timeout", file);
            skipped += Count(counters, "notExecuted", file);
        }
        return new TrxSummary(files.Count, passed, failed, skipped);
    }

    private static long Count(XElement counters, string name, string file) =>
        counters.Attribute(name) is not { } a ? 0
        : long.TryParse(a.Value, out var n) && n >= 0 ? n
        : throw new ScReproException($"{file}: <Counters {name}=\"{a.Value}\"> is not a count");
}
