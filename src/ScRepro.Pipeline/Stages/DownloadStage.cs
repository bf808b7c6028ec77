using ScRepro.AnnData;
using ScRepro.Foundation.Errors;
using ScRepro.Simulation;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// Download: materialises the dataset under data/&lt;id&gt;/, from its sources (verified downloads) or from a
/// seeded generator (the embedded demo, in seconds). A unit's stamp is the canonical hash of the manifest part
/// it came from, so editing a URL or a generator parameter fetches or generates again.
/// </summary>
public sealed class DownloadStage : IStage
{
    public string Name => "download";

    public IReadOnlyList<WorkUnit> Plan(RunContext ctx)
    {
        var ds = ctx.Dataset;
        if (ds.Generator is { } g)
        {
            var inputs = new Dictionary<string, string>
            {
                ["generator"] = Core.Manifests.YamlValues.CanonicalHash(new SortedDictionary<string, object?>
                {
                    ["name"] = g.Name,
                    ["seed"] = g.Seed,
                    ["parameters"] = g.Parameters,
                    ["outputs"] = g.Outputs.ToList(),
                }),
            };
            return [new WorkUnit(Name, ds.Id, ctx.DataDir, inputs, g.Outputs, tmp => Generate(ctx, g, tmp))];
        }
        return [.. ds.Sources.Select(s => SourceDownload.Plan(ctx, s)), .. ds.Combine.Select(c => CombineFiles.Plan(ctx, c))];
    }

    private static void Generate(RunContext ctx, Core.Manifests.DatasetGenerator g, string dir)
    {
        var where = ctx.Dataset.Origin.File;
        var adatas = DemoGenerators.Generate(g, where);
        foreach (var output in g.Outputs)
        {
            if (!adatas.TryGetValue(output, out var adata))
                throw new ScReproException($"{where}: key 'generator.outputs': generator '{g.Name}' makes {string.Join(", ", adatas.Keys)}, not '{output}'");
            AnnDataFile.Write(Path.Combine(dir, output), adata);
        }
        // New data invalidates the old lock: its pins described the files this replaces.
        if (Directory.Exists(HashStage.LockDir(ctx))) Directory.Delete(HashStage.LockDir(ctx), recursive: true);
    }
}
