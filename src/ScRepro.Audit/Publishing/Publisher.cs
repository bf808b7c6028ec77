using System.Text.RegularExpressions;
using ScRepro.Audit.Identity;
using ScRepro.Cards;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Hashing;
using ScRepro.Foundation.IO;
using ScRepro.Pipeline;
using ScRepro.Contracts;
using ScRepro.Pipeline.Evaluation;
using ScRepro.Pipeline.Figures;
using ScRepro.Pipeline.Stages;
using ScRepro.Pipeline.Stamps;
using ScRepro.Pipeline.Training;
using ScRepro.Torch.Serialization;

namespace ScRepro.Audit.Publishing;

/// <summary>
/// `screpro publish`: the folder a user uploads to the Hub for one model × seed of an experiment. README.md (the card,
/// with Hub front matter), the trainer's files (best_model.pt, args.json, vocab.json, classes.json where the model has
/// them; a closed-form baseline has no weights file: its parameters are a deterministic fit that level D repeats),
/// training_stats.json, the predictions (every file the card's Files table lists, with the hash it pins), split.json,
/// summary.json, the card's figures (the training curve of a model trained by epochs), and SHA256SUMS over every other
/// file. The folder is
/// built under a temporary name beside the target and renamed into place, so a failure leaves no partial folder.
/// </summary>
public static partial class Publisher
{
    [GeneratedRegex(@"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")]
    private static partial Regex FrontMatterBlock();

    /// <summary>Publishes; returns the folder. Missing stage outputs are an error naming the stage to run (exit 2).</summary>
    public static string Publish(string root, string experiment, string model, long? seed, string outDir, string commandLine)
    {
        var ctx = PipelineSession.Open(root, ManifestIds.Check(experiment, "--experiment"), force: false, release: false, commandLine);
        var manifest = ctx.Catalog.Models.FirstOrDefault(m => m.Id == ManifestIds.Check(model, "--model"))
            ?? throw new ScReproException($"--model {model}: not a model of experiment '{experiment}' (models: {string.Join(", ", ctx.Catalog.Models.Select(m => m.Id))})");
        var k = seed ?? ctx.Experiment.Seeds[0];
        if (!ctx.Experiment.Seeds.Contains(k))
            throw new ScReproException($"--seed {k}: experiment '{experiment}' trains seeds {string.Join(", ", ctx.Experiment.Seeds)}");
        var trainDir = TrainStage.UnitDir(ctx, model, k);
        var evalDir = EvaluateStage.UnitDir(ctx, model, k);
        if (StampStore.Read(trainDir) is null || StampStore.Read(evalDir) is null)
            throw new ScReproException($"{model}/seed{k} of '{experiment}' is not trained and evaluated at {ctx.Code.RunName} ({Path.GetRelativePath(ctx.Root, evalDir)}); run ./build.sh --target=Evaluate --experiment={experiment} first");

        var stats = Json.Deserialize<TrainStats>(File.ReadAllText(Path.Combine(trainDir, "training_stats.json")));
        var summary = EvaluateStage.ReadSummary(ctx, model, k);
        var lockFile = HashStage.ReadLock(ctx);
        var split = SplitFileView.Read(ctx);
        var run = new CardRun(ctx.Experiment, ctx.Dataset, ctx.Code.Commit, ctx.Code.ShortCommit, ctx.Code.RunName) { Papers = ScRepro.Papers.PaperLock.ForCatalog(ctx.Catalog) };
        var card = CardBuilder.Build(run, manifest, [new CardBuilder.SeedRun(k, stats, summary, trainDir)], lockFile, split);

        var screpro = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["experiment"] = experiment,
            ["model"] = model,
            ["seed"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["commit"] = (stats.Provenance ?? throw new ScReproException($"{trainDir}/training_stats.json: no provenance block (written by an older ScRepro?)")).Commit,
            ["model_manifest_sha256"] = manifest.Origin.Sha256,
            ["data_lock_sha256"] = lockFile.LockSha256,
            ["split_membership_hash"] = split.MembershipHash,
        };
        var checkpoint = Path.Combine(trainDir, "best_model.pt");
        if (File.Exists(checkpoint)) screpro["weights_sha256"] = WeightIdentity.Sha256(TorchCheckpoint.ReadStateDict(checkpoint));

        var target = Path.GetFullPath(outDir);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var tmp = Path.Combine(parent, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(tmp);
        try
        {
            // The card's figures beside README.md: linked from it and pinned in its Files table, as in the card stage.
            var figures = ModelFigures.Write(ModelFigures.Curves(ctx, model, [k]), tmp);
            card = card with { Figures = figures, Files = [.. card.Files, .. CardFolder.FigureRows(tmp, figures)] };
            var rendered = new CardRenderer(ctx.TemplateDir).RenderModelCard(card);
            var front = FrontMatterBlock().Match(rendered);
            if (!front.Success) throw new ScReproException($"card for {model}: the renderer wrote no front matter");
            // The Cards renderer's Hub front matter, plus a `screpro:` block (serialized by YamlDotNet, so it parses) that
            // names what an audit compares with.
            var block = new YamlDotNet.Serialization.SerializerBuilder().Build()
                .Serialize(new Dictionary<string, object> { ["screpro"] = screpro });
            var readme = front.Groups[1].Value + front.Groups[2].Value + "\n" + block.TrimEnd('\n') + front.Groups[3].Value + rendered[front.Length..];
            File.WriteAllText(Path.Combine(tmp, "README.md"), readme);
            CopyListedFiles(card, model, k, trainDir, tmp);
            File.Copy(SplitFileView.PathFor(ctx), Path.Combine(tmp, "split.json"));
            File.Copy(Path.Combine(evalDir, "summary.json"), Path.Combine(tmp, "summary.json"));
            var files = Directory.GetFiles(tmp, "*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(tmp, f).Replace('\\', '/'), FileHasher.Sha256(f))).ToList();
            File.WriteAllText(Path.Combine(tmp, PublishManifest.FileName), PublishManifest.Format(files));
            Replace(target, tmp);
        }
        catch
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
            throw;
        }
        return target;
    }

    /// <summary>
    /// Copies what the card's Files table lists, not a fixed list: each `train/&lt;model&gt;/seed&lt;k&gt;/&lt;name&gt;` row from
    /// the unit's folder (weights, args, vocab, classes, predictions, whatever the trainer wrote and declared), checked
    /// against the sha256 the card pins. Any other row with a hash names a file of the card's own folder (a figure),
    /// which must already lie in the upload folder under that name with that hash. So a new file a trainer or the card
    /// stage adds is published and hashed in SHA256SUMS without a change here.
    /// </summary>
    private static void CopyListedFiles(ModelCard card, string model, long seed, string trainDir, string tmp)
    {
        var prefix = $"train/{model}/seed{seed}/";
        foreach (var row in card.Files.Where(r => r.Sha256 is not null))
        {
            var name = row.Name.StartsWith(prefix, StringComparison.Ordinal) ? row.Name[prefix.Length..] : row.Name;
            if (name.Length == 0 || name.StartsWith('/') || name.Split('/').Contains(".."))
                throw new ScReproException($"card for {model}: Files row '{row.Name}' is not a relative path inside the folder");
            var target = Path.Combine(tmp, name);
            if (row.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(trainDir, name), target);
            }
            else if (!File.Exists(target))
            {
                throw new ScReproException($"card for {model}: Files row '{row.Name}' names a file the upload folder does not hold");
            }
            if (FileHasher.Sha256(target) != row.Sha256)
                throw new ScReproException($"card for {model}: {row.Name} changed while publishing (sha256 {FileHasher.Sha256(target)}, the card pins {row.Sha256})");
        }
    }

    /// <summary>Moves the finished folder into place; an existing one is moved aside first and removed after.</summary>
    private static void Replace(string target, string tmp)
    {
        string? old = null;
        if (Directory.Exists(target))
        {
            old = target + $".old.{Guid.NewGuid():N}";
            Directory.Move(target, old);
        }
        Directory.Move(tmp, target);
        if (old is not null) Directory.Delete(old, recursive: true);
    }
}
