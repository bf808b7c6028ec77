using System.CommandLine;
using System.Globalization;
using ScRepro.Foundation.Errors;
using ScRepro.Splits;
using ScRepro.Splits.Files;
using ScRepro.Splits.Pickle;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro split …`: make a split file from a condition list or an .h5ad (gears, stratified, train-test, holdout,
/// fewshot, resample), or check one against GEARS' pickles (verify). Every subcommand goes through SplitPlanner, the
/// same code the pipeline's Splits stage runs.
/// </summary>
internal static class SplitCommand
{
    public static Command Create()
    {
        var command = new Command("split", "make train/val/test splits (GEARS simulation, sklearn-style annotation splits) and verify them");
        command.Subcommands.Add(Gears());
        command.Subcommands.Add(Annotation("stratified", "StratifiedShuffleSplit(test_size, random_state=seed), as Boiarsky's fixed PBMC split"));
        command.Subcommands.Add(Annotation("train-test", "sklearn train_test_split(test_size/train_size, random_state=seed, stratify=labels)"));
        command.Subcommands.Add(Annotation("holdout", "hold out whole batches or donors named by an obs column"));
        command.Subcommands.Add(Annotation("fewshot", "a few-shot subsample of a base split's training set"));
        command.Subcommands.Add(Annotation("resample", "random over- or undersampling of a base split's training set"));
        command.Subcommands.Add(Verify());
        return command;
    }

    private static Option<FileInfo> OutOption() =>
        new("--out") { Description = "where to write the split file (JSON, written atomically)", Required = true };

    private static Option<string?> LockHashOption() =>
        new("--lock-hash") { Description = "the source dataset's lock hash to record in the split file" };

    private static Command Gears()
    {
        var conditions = new Option<FileInfo>("--conditions")
        {
            Description = "condition names, one per line in order of first appearance in obs, or an .h5ad (see --pert-col)",
            Required = true,
        };
        var pertCol = new Option<string>("--pert-col") { Description = "obs column with the conditions when --conditions is an .h5ad", DefaultValueFactory = _ => "condition" };
        var seed = new Option<long>("--seed") { Description = "GEARS' seed (np.random.seed before each draw)", Required = true };
        var tgs = new Option<double>("--train-gene-set-size") { Description = "fraction of genes seen in training", DefaultValueFactory = _ => 0.75 };
        var frac = new Option<double>("--combo-seen2-train-frac") { Description = "fraction of seen-2 combos kept for training", DefaultValueFactory = _ => 0.75 };
        var exclude = new Option<FileInfo?>("--exclude") { Description = "conditions to drop first, one per line (GEARS' GO-graph filter)" };
        var single = new Option<bool>("--single") { Description = "GEARS' simulation_single (single perturbations only)" };
        var lockHash = LockHashOption();
        var output = OutOption();
        var cmd = new Command("gears", "GEARS' simulation split, identical to GEARS including list order")
        {
            conditions, pertCol, seed, tgs, frac, exclude, single, lockHash, output,
        };
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var path = parse.GetValue(conditions)!.FullName;
            var input = IsH5ad(path)
                ? H5adSplitInputs.Conditions(path, parse.GetValue(pertCol)!)
                : SplitInput.FromConditions(ReadLines(path, "--conditions"), path);
            var parameters = new Dictionary<string, object?> { ["train_gene_set_size"] = parse.GetValue(tgs) };
            var isSingle = parse.GetValue(single);
            if (!isSingle) parameters["combo_seen2_train_frac"] = parse.GetValue(frac);
            if (parse.GetValue(exclude) is { } ex) parameters["exclude"] = ReadLines(ex.FullName, "--exclude");
            var split = SplitPlanner.Make(isSingle ? "gears_simulation_single" : "gears_simulation", parse.GetValue(seed), parameters,
                input with { SourceLockHash = parse.GetValue(lockHash) });
            return Write(parse.GetValue(output)!.FullName, split);
        }));
        return cmd;
    }

    private static Command Annotation(string name, string description)
    {
        var h5ad = new Option<FileInfo>("--h5ad") { Description = "the .h5ad whose obs is split (X is not read)", Required = true };
        var labelCol = new Option<string?>("--label-col") { Description = "obs column with the cell-type labels" };
        var batchCol = new Option<string?>("--batch-col") { Description = "obs column with batches or donors (holdout)" };
        var seed = new Option<long>("--seed") { Description = "random_state / np.random.seed of the draw", Required = name != "holdout" };
        var testSize = new Option<string?>("--test-size") { Description = "a fraction (0.2) or a count (100); default 0.2 for stratified and base splits, 0.25 for train-test" };
        var trainSize = new Option<string?>("--train-size") { Description = "a fraction or a count" };
        var noStratify = new Option<bool>("--no-stratify") { Description = "train-test: plain ShuffleSplit instead of stratifying by label" };
        var testBatches = new Option<string[]>("--test-batches") { Description = "batch values held out as test (comma-separated or repeated)", AllowMultipleArgumentsPerToken = true };
        var valBatches = new Option<string[]>("--val-batches") { Description = "batch values held out as val", AllowMultipleArgumentsPerToken = true };
        var fraction = new Option<double?>("--fraction") { Description = "few-shot fraction of the training set (0.1, 0.25, 0.5, 0.75, 1.0)" };
        var method = new Option<string?>("--method") { Description = "fewshot: uniform | uniform_sequential | stratified; resample: oversample | undersample" };
        var threshold = new Option<int?>("--threshold") { Description = "undersample: cut classes with at least this many cells to exactly this many" };
        var baseKind = new Option<string?>("--base") { Description = "fewshot/resample base split: stratified (default) | holdout | all" };
        var baseSeed = new Option<int?>("--base-seed") { Description = "random_state of the stratified base split (default 2022)" };
        var lockHash = LockHashOption();
        var output = OutOption();
        var cmd = new Command(name, description) { h5ad, labelCol, seed, lockHash, output };
        switch (name)
        {
            case "stratified": cmd.Options.Add(testSize); cmd.Options.Add(trainSize); break;
            case "train-test": cmd.Options.Add(testSize); cmd.Options.Add(trainSize); cmd.Options.Add(noStratify); break;
            case "holdout": cmd.Options.Add(batchCol); cmd.Options.Add(testBatches); cmd.Options.Add(valBatches); break;
            default:
                foreach (var o in new Option[] { method, baseKind, baseSeed, testSize, batchCol, testBatches, valBatches }) cmd.Options.Add(o);
                cmd.Options.Add(name == "fewshot" ? fraction : threshold);
                break;
        }
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var p = new Dictionary<string, object?>();
            void Put(string key, object? value)
            {
                if (value is not null) p[key] = value;
            }
            Put("test_size", parse.GetValue(testSize));
            Put("train_size", parse.GetValue(trainSize));
            if (name == "train-test") p["stratify"] = !parse.GetValue(noStratify);
            var tb = Batches(parse.GetValue(testBatches));
            var vb = Batches(parse.GetValue(valBatches));
            if (tb.Length > 0) p["test_batches"] = tb;
            if (vb.Length > 0) p["val_batches"] = vb;
            Put("fraction", parse.GetValue(fraction));
            Put("method", parse.GetValue(method));
            Put("threshold", parse.GetValue(threshold));
            Put("base", parse.GetValue(baseKind));
            Put("base_seed", parse.GetValue(baseSeed));
            var path = parse.GetValue(h5ad)!.FullName;
            var input = H5adSplitInputs.Obs(path, parse.GetValue(labelCol), parse.GetValue(batchCol))
                with { SourceLockHash = parse.GetValue(lockHash) };
            var policy = name == "train-test" ? "train_test" : name;
            return Write(parse.GetValue(output)!.FullName, SplitPlanner.Make(policy, parse.GetValue(seed), p, input));
        }));
        return cmd;
    }

    private static Command Verify()
    {
        var ours = new Option<FileInfo>("--ours") { Description = "a ScRepro split file", Required = true };
        var gearsSplit = new Option<FileInfo>("--gears-split") { Description = "GEARS' split pickle, e.g. norman_simulation_42_0.75.pkl", Required = true };
        var gearsSubgroup = new Option<FileInfo?>("--gears-subgroup") { Description = "GEARS' _subgroup.pkl, compared by membership too" };
        var cmd = new Command("verify", "compare a split file with GEARS' pickles by membership hash; exit 0 when identical, 1 when not")
        {
            ours, gearsSplit, gearsSubgroup,
        };
        cmd.SetAction(parse => CommandRunner.Run(() =>
        {
            var mine = SplitFiles.Read(parse.GetValue(ours)!.FullName);
            var theirPath = parse.GetValue(gearsSplit)!.FullName;
            var theirs = GearsPickles.ReadSplit(theirPath);
            var theirHash = MembershipHash.Compute(theirs["train"], theirs["val"], theirs["test"]);
            var same = theirHash == mine.MembershipHash;
            var w = Console.Out;
            w.WriteLine($"ours:  {mine.MembershipHash}  ({Counts(mine.Train, mine.Val, mine.Test)})");
            w.WriteLine($"GEARS: {theirHash}  ({Counts(theirs["train"], theirs["val"], theirs["test"])})");
            foreach (var (part, a) in new[] { ("train", mine.Train), ("val", mine.Val), ("test", mine.Test) })
            {
                var b = theirs[part];
                var onlyOurs = a.Except(b, StringComparer.Ordinal).ToList();
                var onlyTheirs = b.Except(a, StringComparer.Ordinal).ToList();
                if (onlyOurs.Count + onlyTheirs.Count > 0)
                    w.WriteLine($"  {part}: {onlyOurs.Count} only in ours ({Sample(onlyOurs)}), {onlyTheirs.Count} only in GEARS' ({Sample(onlyTheirs)})");
                else if (!a.SequenceEqual(b, StringComparer.Ordinal))
                    w.WriteLine($"  {part}: same members, different order (GEARS orders by first appearance in its obs)");
            }
            if (parse.GetValue(gearsSubgroup) is { } subFile)
            {
                var sub = GearsPickles.ReadSubgroup(subFile.FullName);
                if (mine.Subgroup is null)
                {
                    w.WriteLine("  subgroup: our split file has none");
                    same = false;
                }
                else
                {
                    foreach (var (group, lists) in sub)
                    foreach (var (key, list) in lists)
                    {
                        var ourList = mine.Subgroup.TryGetValue(group, out var g) && g.TryGetValue(key, out var l) ? l : null;
                        if (ourList is null || !ourList.Order(StringComparer.Ordinal).SequenceEqual(list.Order(StringComparer.Ordinal), StringComparer.Ordinal))
                        {
                            w.WriteLine($"  subgroup {group}.{key}: members differ ({ourList?.Count.ToString(CultureInfo.InvariantCulture) ?? "missing"} ours vs {list.Count} GEARS')");
                            same = false;
                        }
                    }
                }
            }
            w.WriteLine(same ? "identical membership" : "DIFFERENT membership");
            return same ? 0 : 1;
        }));
        return cmd;
    }

    private static int Write(string path, SplitFile split)
    {
        SplitFiles.Write(path, split);
        Console.Out.WriteLine($"{path}: {split.Policy} seed {split.Seed}: {Counts(split.Train, split.Val, split.Test)}; membership {split.MembershipHash}");
        return 0;
    }

    private static string Counts(IReadOnlyList<string> train, IReadOnlyList<string> val, IReadOnlyList<string> test) =>
        $"{train.Count} train / {val.Count} val / {test.Count} test";

    private static string Sample(List<string> items) => items.Count == 0 ? "-" : string.Join(", ", items.Take(3)) + (items.Count > 3 ? ", …" : "");

    private static bool IsH5ad(string path) => path.EndsWith(".h5ad", StringComparison.OrdinalIgnoreCase);

    /// <summary>One name per line; blank lines are skipped, a trailing CR is dropped, surrounding spaces are kept out.</summary>
    private static string[] ReadLines(string path, string option)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: file given to {option} not found");
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0) throw new ScReproException($"{path}: file given to {option} has no names");
        return lines;
    }

    private static string[] Batches(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}
