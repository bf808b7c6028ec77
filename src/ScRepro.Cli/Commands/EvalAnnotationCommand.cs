using System.CommandLine;
using ScRepro.Evaluation.Annotation;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro eval annotation --pred A.csv [--pred B.csv …] [--baseline X.csv …] -o DIR`: sklearn's annotation metrics
/// per prediction file (one file per seed), mean/std/95% CI over them, and a two-sided t-test against baseline runs.
/// </summary>
internal static class EvalAnnotationCommand
{
    public static Command Create()
    {
        var pred = new Option<FileInfo[]>("--pred")
        {
            Description = "predictions CSV (one per seed), as `screpro fit logreg` writes: obs_name,true,pred",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var baseline = new Option<FileInfo[]>("--baseline")
        {
            Description = "another model's predictions CSVs (one per seed) to t-test against",
            AllowMultipleArgumentsPerToken = true,
        };
        var trueCol = new Option<string>("--true-col") { Description = "column with the true label", DefaultValueFactory = _ => "true" };
        var predCol = new Option<string>("--pred-col") { Description = "column with the predicted label", DefaultValueFactory = _ => "pred" };
        var output = new Option<DirectoryInfo>("-o", "--output") { Description = "output folder (metrics.json, per_class.csv, confusion_matrix.csv)", Required = true };
        var command = new Command("annotation", "Accuracy, macro F1, per-class metrics, confusion matrix, CI over seeds, t-tests")
        {
            pred, baseline, trueCol, predCol, output,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var t = parse.GetValue(trueCol)!;
            var p = parse.GetValue(predCol)!;
            var runs = parse.GetValue(pred)!.Select(f => (Name: f.ToString(), Rows: PredictionsCsv.Read(f.FullName, t, p))).ToArray();
            var baseRuns = (parse.GetValue(baseline) ?? []).Select(f => (Name: f.ToString(), Rows: PredictionsCsv.Read(f.FullName, t, p))).ToArray();
            var evaluation = AnnotationEvaluation.Compute(
                runs.Select(r => (r.Name, r.Rows)).ToArray(),
                baseRuns.Select(r => (r.Name, r.Rows)).ToArray());
            var dir = parse.GetValue(output)!.FullName;
            AnnotationReportWriter.Write(dir, evaluation);
            var acc = evaluation.Summary["accuracy"];
            var f1 = evaluation.Summary["macro_f1"];
            Console.WriteLine($"accuracy {acc.Mean:F4} ± {acc.Ci95:F4}  macro F1 {f1.Mean:F4} ± {f1.Ci95:F4}  (n={acc.N}) → {dir}");
            if (evaluation.TTests is { } tests)
                Console.WriteLine($"t-test vs baseline: accuracy p={tests["accuracy"].PValue:G3}, macro F1 p={tests["macro_f1"].PValue:G3}");
            return 0;
        }));
        return command;
    }
}
