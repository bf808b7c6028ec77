using System.CommandLine;
using ScRepro.AnnData;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.AnnData.Frames;
using ScRepro.Models.Scgpt.Annotation;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Perturbation;
using ScRepro.Splits.Files;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro predict --model-dir DIR --h5ad FILE --split SPLIT.json -o PRED.h5ad`: runs a fine-tuned scGPT perturbation
/// checkpoint folder (args.json, vocab.json, best_model.pt; any attention layout) on a dataset's split without training,
/// and writes the predicted .h5ad evaluation reads (obs[condition] per predicted cell, the control cells included).
/// A classifier folder (ScRepro's annotation output, with classes.json) instead labels the split's cells: the output
/// holds those cells with obs[label column] (true) and obs["predicted_label"].
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var modelDir = new Option<DirectoryInfo>("--model-dir") { Description = "scGPT model folder: args.json, vocab.json, best_model.pt", Required = true };
        var h5ad = new Option<FileInfo>("--h5ad") { Description = "dataset .h5ad (X log-normalised, as GEARS ships Norman 2019)", Required = true };
        var split = new Option<FileInfo>("--split") { Description = "split file (screpro-split/1) whose conditions to predict", Required = true };
        var output = new Option<FileInfo>("-o", "--output") { Description = "predicted .h5ad to write", Required = true };
        var part = new Option<string>("--part") { Description = "split part to predict: test (default), val or train", DefaultValueFactory = _ => "test" };
        var column = new Option<string>("--condition-column") { Description = "obs column with the perturbation label", DefaultValueFactory = _ => "condition" };
        var control = new Option<string>("--control") { Description = "control label", DefaultValueFactory = _ => "ctrl" };
        var seed = new Option<long>("--seed") { Description = "seed for the control cells each prediction starts from (binning ties for classifiers)", DefaultValueFactory = _ => 0 };
        var label = new Option<string>("--label-column") { Description = "classifier folders: obs column with the true cell type", DefaultValueFactory = _ => "cell_type" };
        var command = new Command("predict", "predict perturbation responses with a published or fine-tuned scGPT checkpoint")
        {
            modelDir, h5ad, split, output, part, column, control, seed, label,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var splitPath = parse.GetValue(split)!.FullName;
            var splitFile = SplitFiles.Read(splitPath);
            var partName = parse.GetValue(part)!;
            var members = partName switch
            {
                "test" => splitFile.Test,
                "val" => splitFile.Val,
                "train" => splitFile.Train,
                _ => throw new ScReproException($"--part: '{partName}' is not one of test, val, train"),
            };
            var dir = parse.GetValue(modelDir)!.FullName;
            if (PretrainedFolder.Load(dir).Info.Variant == ScgptVariant.Classifier)
                return Classify(dir, parse.GetValue(h5ad)!.FullName, splitPath, splitFile.Unit, members, parse.GetValue(label)!,
                    parse.GetValue(seed), parse.GetValue(output)!.FullName);
            if (splitFile.Unit != "condition")
                throw new ScReproException($"{splitPath}: key 'unit' is '{splitFile.Unit}'; scGPT perturbation predictions need a condition split");
            var dataPath = parse.GetValue(h5ad)!.FullName;
            var data = AnnDataFile.Read(dataPath);
            var controlLabel = parse.GetValue(control)!;
            var dataset = PerturbationDataset.FromAnnData(data, parse.GetValue(column)!, controlLabel, dataPath);
            var known = dataset.Conditions.ToHashSet(StringComparer.Ordinal);
            var missing = members.Where(c => !known.Contains(c)).ToList();
            if (missing.Count > 0)
                throw new ScReproException($"{splitPath}: {partName} condition(s) not in {dataPath}: {string.Join(", ", missing.Take(5))}");
            using var predictor = ScgptPerturbationPredictor.FromFolder(dir, parse.GetValue(column)!);
            Output.Info($"predict: {predictor.Report?.Loaded.Count} tensors loaded strictly, attention layout {predictor.Report?.Layout}");
            var conditions = members.Prepend(controlLabel).ToList();
            var predicted = Output.WithProgress("scgpt predict", 1, report =>
            {
                var p = predictor.Predict(dataset, conditions, parse.GetValue(seed));
                report(1);
                return p;
            });
            predicted.Uns["scgpt_attention_layout"] = predictor.Report?.Layout.ToString() ?? "unknown";
            predicted.Uns["predict_seed"] = parse.GetValue(seed);
            AnnDataFile.Write(parse.GetValue(output)!.FullName, predicted);
            Output.Info($"predict: wrote {predicted.NObs} cells × {predicted.NVars} genes to {parse.GetValue(output)!.FullName}");
            return 0;
        }));
        return command;
    }

    private static int Classify(string dir, string dataPath, string splitPath, string unit, IReadOnlyList<string> members, string labelColumn,
        long seed, string outputPath)
    {
        if (unit != "obs") throw new ScReproException($"{splitPath}: key 'unit' is '{unit}'; a cell-type classifier needs an obs split");
        var data = AnnDataFile.Read(dataPath);
        if (!data.Obs.Contains(labelColumn)) throw new ScReproException($"{dataPath}: obs has no column '{labelColumn}' (--label-column)");
        var rowOf = data.ObsNames.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        var rows = members.Select(m => rowOf.TryGetValue(m, out var r) ? r : throw new ScReproException($"{splitPath}: cell '{m}' is not an obs_name of {dataPath}")).ToList();
        using var predictor = ScgptAnnotationPredictor.FromFolder(dir);
        var predicted = predictor.Predict(data, rows, labelColumn, seed);
        var obs = new DataFrame(rows.Select(r => data.ObsNames[r]).ToArray());
        obs.Add(new StringColumn(labelColumn, rows.Select(r => data.Obs[labelColumn].GetString(r)).ToArray()));
        obs.Add(new StringColumn("predicted_label", predicted.Select(p => (string?)p).ToArray()));
        var result = new AnnData.AnnotatedData(data.X!.ToDense(rows), obs, data.Var);
        result.Uns["predict_seed"] = seed;
        AnnDataFile.Write(outputPath, result);
        Output.Info($"predict: labelled {rows.Count} cells into {predictor.Classes.Length} classes, wrote {outputPath}");
        return 0;
    }
}
