using System.CommandLine;
using System.Globalization;
using ScRepro.Foundation.IO;
using ScRepro.Torch.Serialization;
using Spectre.Console;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro checkpoint …`: look inside .pt and .safetensors files without running code from them.</summary>
internal static class CheckpointCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A torch.save file (zip or legacy format) or a .safetensors file" };
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"format\", \"tensors\": [{\"name\", \"dtype\", \"shape\", \"sum\", \"first\"}]} instead of a table",
        };
        var inspect = new Command("inspect", "List a checkpoint's tensors (file order, nested keys joined with '.') with dtype, shape, sum and first values")
        {
            file,
            json,
        };
        inspect.SetAction(parse => CommandRunner.Run(() =>
        {
            var summary = CheckpointInspector.Inspect(parse.GetValue(file)!.FullName);
            if (parse.GetValue(json))
            {
                Console.Out.Write(Json.Serialize(summary));
            }
            else
            {
                WriteTable(parse.GetValue(file)!.Name, summary);
            }
            return 0;
        }));
        var command = new Command("checkpoint", "Inspect checkpoint files (.pt from torch.save, .safetensors)");
        command.Subcommands.Add(inspect);
        return command;
    }

    private static void WriteTable(string name, CheckpointSummary summary)
    {
        var table = new Table()
            .Title(Markup.Escape($"{name}: {summary.Format}, {summary.Tensors.Count} tensors"))
            .AddColumn("name")
            .AddColumn("dtype")
            .AddColumn("shape")
            .AddColumn(new TableColumn("sum").RightAligned())
            .AddColumn("first");
        foreach (var t in summary.Tensors)
        {
            // Text, not markup: names and shapes contain '[' which Spectre would parse as style tags.
            table.AddRow(
                new Text(t.Name),
                new Text(t.Dtype),
                new Text("[" + string.Join(", ", t.Shape) + "]"),
                new Text(t.Sum.ToString("G10", CultureInfo.InvariantCulture)),
                new Text("[" + string.Join(", ", t.First.Select(Short)) + "]"));
        }
        AnsiConsole.Write(table);
    }

    /// <summary>Six significant digits for the table; --json has the full values.</summary>
    private static string Short(object value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
