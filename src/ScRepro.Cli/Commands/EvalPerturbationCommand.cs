using System.CommandLine;
using System.Globalization;
using ScRepro.AnnData;
using ScRepro.Foundation.Errors;
using ScRepro.Evaluation.Perturbation;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro eval perturbation -ap PRED.h5ad -ar REAL.h5ad --pert-col COL --control-pert LABEL -o DIR [--num-threads N]`:
/// cell-eval 0.8.1's `run` (profile full) with its flag names and defaults; writes results.csv, agg_results.csv,
/// real_de.csv and pred_de.csv into DIR.
/// </summary>
internal static class EvalPerturbationCommand
{
    public static Command Create()
    {
        var pred = new Option<FileInfo>("--adata-pred", "-ap") { Description = "predicted AnnData (.h5ad), with its own control cells", Required = true };
        var real = new Option<FileInfo>("--adata-real", "-ar") { Description = "real AnnData (.h5ad)", Required = true };
        var pertCol = new Option<string>("--pert-col") { Description = "obs column with the perturbation labels", DefaultValueFactory = _ => "target_gene" };
        var control = new Option<string>("--control-pert") { Description = "label of the control cells", DefaultValueFactory = _ => "non-targeting" };
        var outdir = new Option<DirectoryInfo>("--outdir", "-o") { Description = "output folder", DefaultValueFactory = _ => new DirectoryInfo("./cell-eval-outdir") };
        var threads = new Option<int>("--num-threads") { Description = "worker threads (results do not depend on it)", DefaultValueFactory = _ => 1 };
        var allowDiscrete = new Option<bool>("--allow-discrete") { Description = "keep integer X as is instead of normalising and log1p-ing it" };
        var skipClustering = new Option<bool>("--skip-clustering") { Description = "leave out clustering_agreement (Leiden), the slowest metric on many perturbations" };
        var seed = new Option<int>("--leiden-seed") { Description = "seed of the Leiden RNG (recorded in the output's algorithm line)", DefaultValueFactory = _ => 0 };

        var command = new Command("perturbation", "cell-eval's perturbation metrics (cell-eval 0.8.1 / pdex 0.2.5 definitions)")
        {
            pred, real, pertCol, control, outdir, threads, allowDiscrete, skipClustering, seed,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var predPath = parse.GetValue(pred)!.FullName;
            var realPath = parse.GetValue(real)!.FullName;
            var n = parse.GetValue(threads);
            if (n < 1) throw new ScReproException($"--num-threads must be at least 1 (got {n})");
            var options = new PerturbationEvalOptions
            {
                PertCol = parse.GetValue(pertCol)!,
                ControlPert = parse.GetValue(control)!,
                NumThreads = n,
                AllowDiscrete = parse.GetValue(allowDiscrete),
                ClusteringAgreement = !parse.GetValue(skipClustering),
                LeidenSeed = parse.GetValue(seed),
                RealSource = realPath,
                PredSource = predPath,
            };
            var realData = ReadInput(realPath, "--adata-real");
            var predData = ReadInput(predPath, "--adata-pred");
            var evaluation = PerturbationEvaluator.Evaluate(realData, predData, options);
            var dir = parse.GetValue(outdir)!.FullName;
            evaluation.WriteCsv(dir);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{evaluation.Results.Perturbations.Length} perturbations, {evaluation.Results.Metrics.Length} metrics -> {dir}"));
            if (evaluation.ClusteringAlgorithm is { } algorithm) Console.Out.WriteLine($"clustering_agreement: {algorithm}, seed {options.LeidenSeed}");
            return 0;
        }));
        return command;
    }

    private static ScRepro.AnnData.AnnotatedData ReadInput(string path, string flag)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: file not found ({flag})");
        return AnnDataFile.Read(path);
    }
}
