using System.CommandLine;
using ScRepro.AnnData;
using ScRepro.Baselines.Logistic;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Evaluation.Annotation;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro fit logreg …`: the L1 logistic-regression baseline on an .h5ad and a split.</summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var command = new Command("fit", "Fit a baseline model on a dataset and split");
        command.Subcommands.Add(Logreg());
        return command;
    }

    private static Command Logreg()
    {
        var h5ad = new Option<FileInfo>("--h5ad") { Description = "input .h5ad", Required = true };
        var useRaw = new Option<bool>("--use-raw") { Description = "use raw/X instead of X" };
        var labelCol = new Option<string>("--label-col") { Description = "obs column with the cell type", Required = true };
        var split = new Option<FileInfo>("--split") { Description = "split JSON: top-level 'train' and 'test' lists of obs_names ('val' is ignored)", Required = true };
        var c = new Option<double?>("--C") { Description = "fixed inverse regularisation strength (e.g. 0.1 as Boiarsky et al. on PBMC)" };
        var cv = new Option<int?>("--cv") { Description = "choose C by K-fold stratified CV (no shuffle) over 1e-3 … 1e4" };
        var preprocess = new Option<string>("--preprocess")
        {
            Description = "none (X as stored) | log1p (normalize_total 1e4 + ln(1+x)) | log2p (normalize_total 1e4 + log2(1+x), scBERT)",
            DefaultValueFactory = _ => "none",
        };
        var seed = new Option<int>("--seed") { Description = "seed of the solver's coordinate order", DefaultValueFactory = _ => 0 };
        var tol = new Option<double>("--tol") { Description = "liblinear tolerance (sklearn's tol)", DefaultValueFactory = _ => 1e-4 };
        var maxIter = new Option<int>("--max-iter") { Description = "Newton iterations per class (sklearn's max_iter)", DefaultValueFactory = _ => 100 };
        var output = new Option<DirectoryInfo>("-o", "--output") { Description = "output folder (metrics.json, predictions.csv)", Required = true };
        var cmd = new Command("logreg", "L1 logistic regression with sklearn liblinear semantics (one-vs-rest, penalised intercept)")
        {
            h5ad, useRaw, labelCol, split, c, cv, preprocess, seed, tol, maxIter, output,
        };
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var fixedC = parse.GetValue(c);
            var folds = parse.GetValue(cv);
            if (fixedC is null == folds is null)
                throw new ScReproException("give exactly one of --C (fixed C) or --cv K (choose C by K-fold CV)");
            var settings = new LogisticRunSettings
            {
                C = fixedC,
                CvFolds = folds ?? 5,
                Preprocess = ExpressionPreprocessing.Parse(parse.GetValue(preprocess)!),
                Seed = parse.GetValue(seed),
                Tol = parse.GetValue(tol),
                MaxIter = parse.GetValue(maxIter),
                UseRaw = parse.GetValue(useRaw),
            };
            var file = parse.GetValue(h5ad)!.FullName;
            var names = SplitNames.Read(parse.GetValue(split)!.FullName);
            var data = AnnDataFile.Read(file);
            LogisticRunResult result;
            try
            {
                result = LogisticBaseline.Run(data, parse.GetValue(labelCol)!, names.Train, names.Test, settings, Output.Info);
            }
            catch (ScReproException e)
            {
                throw new ScReproException($"{file}: {e.Message}", e.ExitCode, e);
            }
            if (!result.Converged)
                Output.Info($"logreg: some class reached max_iter={settings.MaxIter} (sklearn would warn: ConvergenceWarning)");
            var dir = parse.GetValue(output)!.FullName;
            var m = result.Metrics;
            var metrics = new
            {
                model = "logreg_l1",
                accuracy = m.Accuracy,
                macro_f1 = m.MacroF1,
                macro_precision = m.MacroPrecision,
                macro_recall = m.MacroRecall,
                weighted_f1 = m.WeightedF1,
                C = result.C,
                c_source = result.CrossValidation is null ? "fixed" : $"{settings.CvFolds}-fold stratified CV (no shuffle), argmax mean accuracy",
                cv = result.CrossValidation is null ? null : new
                {
                    folds = settings.CvFolds,
                    grid = result.CrossValidation.Grid,
                    mean_accuracy = result.CrossValidation.MeanAccuracy,
                },
                n_train = result.NTrain,
                n_test = result.NTest,
                n_val_ignored = names.Val.Count,
                classes = result.Model.Classes,
                preprocess = ExpressionPreprocessing.Name(settings.Preprocess),
                use_raw = settings.UseRaw,
                tol = settings.Tol,
                max_iter = settings.MaxIter,
                n_iter = result.Model.Iterations,
                converged = result.Converged,
                seed = settings.Seed,
                solver = "liblinear solve_l1r_lr (newGLMNET), one-vs-rest, intercept_scaling 1 (penalised)",
                per_class = m.PerClass,
            };
            Directory.CreateDirectory(dir);
            PredictionsCsv.Write(Path.Combine(dir, "predictions.csv"),
                result.Predictions.Select(p => new LabelledPrediction(p.ObsName, p.TrueLabel, p.PredictedLabel)));
            Json.WriteFile(Path.Combine(dir, "metrics.json"), metrics);
            Console.WriteLine($"accuracy {m.Accuracy:F4}  macro F1 {m.MacroF1:F4}  C {result.C}  ({result.NTrain} train, {result.NTest} test) → {dir}");
            return 0;
        }));
        return cmd;
    }
}
