using ScRepro.Contracts;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScRepro.Foundation.IO;
using ScRepro.Core.Provenance;
using ScRepro.Hdf5;
using ScRepro.Splits;
using ScRepro.Splits.Files;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// Splits: runs/&lt;exp&gt;/&lt;commit&gt;/splits/split.json from the experiment's split policy (GEARS simulation for
/// perturbations; stratified, hold-out, few-shot or resampled for annotation), stamped with the data lock and the
/// split block of the manifest. The file carries its membership hash, the lock hash and provenance.
/// </summary>
public sealed class SplitStage : IStage
{
    public string Name => "split";

    public IReadOnlyList<WorkUnit> Plan(RunContext ctx)
    {
        var lockFile = HashStage.ReadVerifiedLock(ctx);
        var exp = ctx.Experiment;
        if (!SplitPlanner.Policies.Contains(exp.Split.Policy))
            throw new Foundation.Errors.ScReproException($"{exp.Origin.File}: key 'split.policy': unknown policy '{exp.Split.Policy}' (known: {string.Join(", ", SplitPlanner.Policies)})");
        // numpy's RandomState (and so GEARS and sklearn) takes seeds in 0..2^32-1.
        if (exp.Split.Seed is < 0 or > uint.MaxValue)
            throw new Foundation.Errors.ScReproException($"{exp.Origin.File}: key 'split.seed': {exp.Split.Seed} is outside 0..{uint.MaxValue} (numpy's seed range)");
        var inputs = new Dictionary<string, string>
        {
            ["data_lock"] = lockFile.LockSha256,
            ["file"] = exp.File,
            ["split"] = Core.Manifests.YamlValues.CanonicalJson(new SortedDictionary<string, object?>
            {
                ["policy"] = exp.Split.Policy, ["seed"] = exp.Split.Seed, ["parameters"] = exp.Split.Parameters,
                ["columns"] = new SortedDictionary<string, object?>
                {
                    ["perturbation"] = exp.Columns.Perturbation, ["label"] = exp.Columns.Label, ["batch"] = exp.Columns.Batch,
                },
            }),
        };
        return [new WorkUnit(Name, "split", Path.GetDirectoryName(SplitFileView.PathFor(ctx))!, inputs, ["split.json"],
            tmp => Make(ctx, lockFile.LockSha256, tmp), ctx.RunDir)];
    }

    private static void Make(RunContext ctx, string lockHash, string dir)
    {
        var exp = ctx.Experiment;
        var path = ctx.DataFile(exp.File);
        var input = exp.Task == ModelTask.Perturbation
            ? H5adSplitInputs.Conditions(path, exp.Columns.Perturbation!)
            : H5adSplitInputs.Obs(path, exp.Columns.Label, exp.Columns.Batch);
        var provenance = ProvenanceCapture.Capture(ctx.Git, new Dictionary<string, long> { ["split"] = exp.Split.Seed }, ctx.CommandLine,
            hdf5Library: Hdf5Loader.Current.Describe());
        input = input with
        {
            SourceLockHash = lockHash,
            Provenance = JsonNode.Parse(JsonSerializer.Serialize(provenance, Json.Options))!.AsObject(),
        };
        SplitFile split;
        try
        {
            split = SplitPlanner.Make(exp.Split.Policy, exp.Split.Seed, exp.Split.Parameters, input);
        }
        catch (Foundation.Errors.ScReproException e) when (e.Message.StartsWith("split.", StringComparison.Ordinal))
        {
            // Errors about the split block name its field ("split.parameters.x: …"); add the manifest that holds it.
            var end = e.Message.IndexOfAny([':', ' ']);
            var field = end < 0 ? e.Message : e.Message[..end];
            throw new Foundation.Errors.ScReproException($"{exp.Origin.File}: key '{field}'{(end < 0 ? "" : e.Message[end..])}", e.ExitCode, e);
        }
        SplitFiles.Write(Path.Combine(dir, "split.json"), split);
    }
}
