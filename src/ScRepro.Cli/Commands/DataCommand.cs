using System.CommandLine;
using System.Globalization;
using ScRepro.AnnData;
using ScRepro.Foundation.IO;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro data …`: look inside datasets.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "an .h5ad file (anndata, current or legacy encoding)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object (the keys of issue 2 item 4) instead of a summary" };
        var inspect = new Command("inspect", "summarise an .h5ad file as anndata sees it: shape, X encoding, columns, layers, obsm, uns") { file, json };
        inspect.SetAction(parse => CommandRunner.Run(() =>
        {
            var path = parse.GetValue(file)!.FullName;
            var summary = AnnDataFile.Inspect(path);
            Console.Out.Write(parse.GetValue(json) ? Json.Serialize(summary) : Describe(path, summary));
            return 0;
        }));
        var command = new Command("data", "inspect datasets");
        command.Subcommands.Add(inspect);
        return command;
    }

    private static string Describe(string path, InspectSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var w = new StringWriter(inv);
        w.WriteLine($"{path}");
        w.WriteLine($"  AnnData: {s.NObs} obs x {s.NVars} vars");
        w.WriteLine(s.XEncoding is null
            ? "  X: none"
            : string.Create(inv, $"  X: {s.XEncoding} {s.XDtype}, {s.XNnz} stored values, sum {s.XSum:G10}"));
        void Columns(string label, Dictionary<string, ColumnSummary> cols)
        {
            w.WriteLine($"  {label}: {(cols.Count == 0 ? "(no columns)" : "")}");
            foreach (var (name, c) in cols)
                w.WriteLine($"    {name,-24} {c.Dtype}{(c.NUnique is { } n ? $" ({n} distinct)" : "")}");
        }
        Columns("obs", s.ObsColumns);
        Columns("var", s.VarColumns);
        w.WriteLine($"  layers: {List(s.Layers)}");
        w.WriteLine($"  obsm: {List(s.Obsm.Select(kv => $"{kv.Key} ({string.Join(" x ", kv.Value)})"))}");
        w.WriteLine($"  obsp: {List(s.Obsp)}");
        w.WriteLine($"  uns: {List(s.UnsKeys)}");
        w.WriteLine($"  raw: {(s.RawShape is { } r ? $"{r[0]} x {r[1]}" : "none")}");
        w.WriteLine($"  first obs name: {s.ObsNamesFirst ?? "-"}; first var name: {s.VarNamesFirst ?? "-"}");
        return w.ToString();
    }

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count == 0 ? "(none)" : string.Join(", ", all);
    }
}
