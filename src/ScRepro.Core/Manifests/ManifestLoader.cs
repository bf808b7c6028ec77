using ScRepro.Contracts;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ScRepro.Foundation.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScRepro.Core.Manifests;

/// <summary>
/// Reads dataset, model and experiment manifests strictly: an unknown key, a wrong type, a missing field,
/// malformed YAML or a path leaving the data folder is one error naming file, line and key.
/// </summary>
public static partial class ManifestLoader
{
    public static readonly string[] ExtractKinds = ["none", "zip", "tar.gz", "gz"];

    public static DatasetManifest LoadDataset(string file) => Load(file, (m, origin) =>
    {
        var id = Id(m, file);
        var sources = m.MappingList("sources", s => new DatasetSource(
            Url: Url(s),
            Path: RelativePath(s, "path", required: true)!,
            Sha256: Sha256(s),
            Size: s.OptionalInt("size"),
            Extract: OneOf(s, "extract", ExtractKinds) ?? "none",
            Provides: s.StringList("provides").Select((p, i) => CheckRelative(s, $"provides[{i}]", p)).ToList(),
            Note: s.OptionalString("note"),
            ThenExtract: s.StringList("then_extract").Select((p, i) => CheckRelative(s, $"then_extract[{i}]", p)).ToList()));
        var g = m.OptionalMapping("generator");
        DatasetGenerator? generator = null;
        if (g is not null)
        {
            generator = new DatasetGenerator(g.RequiredString("name"), g.OptionalInt("seed") ?? throw g.Error("seed", "required field is missing"),
                g.FreeMap("parameters"), g.StringList("outputs", required: true).Select((p, i) => CheckRelative(g, $"outputs[{i}]", p)).ToList());
            g.Finish();
        }
        if ((sources.Count == 0) == (generator is null))
            throw m.Error("sources", "a dataset needs exactly one of 'sources' (downloads) or 'generator'");
        var combine = m.MappingList("combine", c =>
        {
            var inputs = c.StringList("inputs", required: true).Select((p, i) => CheckRelative(c, $"inputs[{i}]", p)).ToList();
            if (inputs.Count < 2) throw c.Error("inputs", "list at least two files to combine");
            return new DatasetCombine(RelativePath(c, "output", required: true)!, inputs, c.RequiredString("batch_key"), c.OptionalString("var_names"));
        });
        if (combine.Count > 0 && sources.Count == 0)
            throw m.Error("combine", "'combine' joins downloaded files; a generated dataset has none");
        var papers = PaperRefs(m);
        var citation = m.OptionalString("citation");
        if (citation is null && papers.Count == 0) throw m.Error("papers", "a dataset cites at least one paper (or says in 'citation' where it comes from)");
        return new DatasetManifest(id, m.RequiredString("title"), citation, License(m),
            m.OptionalString("description"), sources, generator, origin) { Combine = combine, Papers = papers };
    });

    public static ModelManifest LoadModel(string file) => Load(file, (m, origin) =>
    {
        var id = Id(m, file);
        var kind = m.RequiredString("kind");
        var task = Task(m);
        var b = m.OptionalMapping("budget");
        var budget = new Budget(b?.OptionalInt("epochs"), b?.OptionalInt("max_steps"), b?.OptionalDouble("max_wall_clock_s"),
            b?.OptionalString("early_stopping_metric"), b?.OptionalInt("patience"));
        b?.Finish();
        return new ModelManifest(id, kind, task, m.RequiredString("title"), m.OptionalString("description"),
            m.FreeMap("hyperparameters"), budget, m.StringList("limitations"), m.OptionalString("citation"), origin)
        {
            BaseModel = HubModelId(m, "base_model"),
            Resources = Resources(m.OptionalMapping("resources")),
            Papers = PaperRefs(m),
        };
    });

    private static ModelResources Resources(YamlMapping? r)
    {
        if (r is null) return ModelResources.None;
        long? AtLeast(string key, long min)
        {
            var v = r.OptionalInt(key);
            if (v < min) throw r.Error(key, $"must be at least {min}, got {v}");
            return v;
        }
        var cpus = AtLeast("cpus", 1);
        var mem = r.OptionalDouble("mem_gb");
        if (mem is not null && !(mem > 0 && double.IsFinite(mem.Value))) throw r.Error("mem_gb", $"must be a positive number of GB, got {mem}");
        var gpus = AtLeast("gpus", 0);
        var time = AtLeast("time_min", 1);
        var partition = r.OptionalString("partition");
        if (partition is not null && !PartitionPattern().IsMatch(partition))
            throw r.Error("partition", $"'{partition}' is not a partition name ([A-Za-z0-9_.-]+)");
        r.Finish();
        return new ModelResources(cpus, mem, gpus, time, partition);
    }

    public static ExperimentManifest LoadExperiment(string file) => Load(file, (m, origin) =>
    {
        var id = Id(m, file);
        var task = Task(m);
        var c = m.RequiredMapping("columns");
        var columns = new ExperimentColumns(c.OptionalString("perturbation"), c.OptionalString("control"),
            c.OptionalString("label"), c.OptionalString("batch"));
        c.Finish();
        if (task == ModelTask.Perturbation && (columns.Perturbation is null || columns.Control is null))
            throw c.Error("perturbation", "a perturbation experiment needs columns.perturbation and columns.control");
        if (task == ModelTask.Annotation && columns.Label is null)
            throw c.Error("label", "an annotation experiment needs columns.label");
        var s = m.RequiredMapping("split");
        var split = new SplitSpec(s.RequiredString("policy"), s.OptionalInt("seed") ?? throw s.Error("seed", "required field is missing"),
            s.FreeMap("parameters"));
        s.Finish();
        var models = m.StringList("models", required: true);
        if (models.Count == 0) throw m.Error("models", "list at least one model");
        var seeds = m.IntList("seeds");
        var references = m.MappingList("references", r =>
        {
            if (r.OptionalString("source") is not null)
                throw r.Error("source", "free-text sources are replaced by 'paper' (a key of manifests/papers.yaml) and 'locator' (the table or figure)");
            var reference = new ReferenceValue(r.RequiredString("model"), r.RequiredString("metric"),
                r.OptionalDouble("value") ?? throw r.Error("value", "required field is missing"), PaperRef(r, "paper", r.RequiredString("paper")),
                r.RequiredString("locator"));
            if (!models.Contains(reference.Model)) throw r.Error("model", $"'{reference.Model}' is not one of the experiment's models ({string.Join(", ", models)})");
            return reference;
        });
        foreach (var (model, i) in models.Select((x, i) => (x, i)))
            RequireId(m, $"models[{i}]", model);
        var dataset = m.RequiredString("dataset");
        RequireId(m, "dataset", dataset);
        return new ExperimentManifest(id, m.RequiredString("title"), task, dataset,
            RelativePath(m, "file", required: true)!, columns, split, models, seeds.Count == 0 ? [0L] : seeds,
            m.StringList("metrics"), references, origin);
    });

    /// <summary>
    /// Reads one YAML mapping strictly with <paramref name="read"/> (which must consume every key it allows) and
    /// gives it the file's origin and canonical hash; for every manifest kind, including those outside Core.
    /// </summary>
    public static T Load<T>(string file, Func<YamlMapping, ManifestOrigin, T> read)
    {
        var display = DisplayPath(file);
        if (!File.Exists(file)) throw new ScReproException($"{display}: manifest not found");
        YamlMappingNode root;
        try
        {
            RefuseAliases(file, display);
            var stream = new YamlStream();
            using (var reader = new StreamReader(file, Encoding.UTF8)) stream.Load(reader);
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode node)
                throw new ScReproException($"{display}:1: a manifest is one YAML mapping");
            root = node;
        }
        catch (YamlException e)
        {
            throw new ScReproException($"{display}:{e.Start.Line}: malformed YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail without a position; replay the events to find the last good line.
            throw new ScReproException($"{display}:{LastParsedLine(file)}: malformed YAML: the parser stopped here");
        }
        var canonical = YamlValues.CanonicalJson(YamlValues.ToValue(root, display, ""));
        var origin = new ManifestOrigin(display, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), canonical);
        var mapping = new YamlMapping(root, display, "");
        var result = read(mapping, origin);
        mapping.Finish();
        return result;
    }

    /// <summary>
    /// Manifests may not use YAML aliases (*name): each alias repeats its anchor's whole subtree, so nested ones grow
    /// exponentially (an 864-byte file expanded past 3 GB), and a manifest has no need for them. Checked on the event
    /// stream, before any tree is built.
    /// </summary>
    private static void RefuseAliases(string file, string display)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        var parser = new Parser(reader);
        while (parser.MoveNext())
            if (parser.Current is YamlDotNet.Core.Events.AnchorAlias alias)
                throw new ScReproException(
                    $"{display}:{alias.Start.Line}: YAML alias '*{alias.Value}' is not allowed in a manifest (aliases can expand without bound); write the value out");
    }

    private static long LastParsedLine(string file)
    {
        long line = 1;
        try
        {
            var parser = new Parser(new StringReader(File.ReadAllText(file)));
            while (parser.MoveNext()) line = parser.Current!.End.Line;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
        }
        return line;
    }

    /// <summary>`papers: [key, …]`: the papers a dataset or model manifest cites, each checked against the registry later.</summary>
    private static IReadOnlyList<PaperRef> PaperRefs(YamlMapping m) =>
        m.StringList("papers").Select((key, i) => PaperRef(m, $"papers[{i}]", key)).ToList();

    private static PaperRef PaperRef(YamlMapping m, string field, string key)
    {
        RequireId(m, field, key);
        return new PaperRef(key, m.File, m.LineOf(field), m.Qualify(field));
    }

    /// <summary>Whether <paramref name="id"/> is a manifest id (<c>[a-z0-9][a-z0-9_-]*</c>): a name, never a path.</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    /// <summary>The message for a value that should be an id and is not (a path, an absolute file, a typo).</summary>
    public static string NotAnId(string id) => $"'{id}' is not an id ([a-z0-9][a-z0-9_-]*; a name, not a path)";

    private static void RequireId(YamlMapping m, string key, string value)
    {
        if (!IsId(value)) throw m.Error(key, NotAnId(value));
    }

    private static string Id(YamlMapping m, string file)
    {
        var id = m.RequiredString("id");
        if (!IdPattern().IsMatch(id)) throw m.Error("id", $"'{id}' must match [a-z0-9][a-z0-9_-]*");
        var stem = Path.GetFileNameWithoutExtension(file);
        if (id != stem) throw m.Error("id", $"'{id}' must equal the file name '{stem}'");
        return id;
    }

    private static ModelTask Task(YamlMapping m) =>
        ModelTaskNames.Parse(OneOf(m, "task", [.. ModelTaskNames.All]) ?? throw m.Error("task", "required field is missing"))!.Value;

    private static string? OneOf(YamlMapping m, string key, string[] allowed)
    {
        var value = m.OptionalString(key);
        if (value is not null && !allowed.Contains(value))
            throw m.Error(key, $"'{value}' is not one of: {string.Join(", ", allowed)}");
        return value;
    }

    /// <summary>
    /// `license` must be a Hub licence id (case-insensitively: the card writes the Hub's lowercase spelling, so an
    /// SPDX-style "CC0-1.0" still reads); `other` needs `license_name` (a slug) and `license_link` (a URL).
    /// </summary>
    private static DatasetLicense License(YamlMapping m)
    {
        var id = m.RequiredString("license").ToLowerInvariant();
        if (!HubLicenses.Ids.Contains(id))
            throw m.Error("license", $"'{id}' is not a Hugging Face Hub licence id (e.g. cc-by-4.0, cc0-1.0, mit); " +
                "write 'other' with license_name and license_link, and put the prose in license_note");
        var name = m.OptionalString("license_name");
        var link = m.OptionalString("license_link");
        if (id == HubLicenses.Other)
        {
            if (name is null) throw m.Error("license_name", "required when license is 'other'");
            if (!LicenseNamePattern().IsMatch(name)) throw m.Error("license_name", $"'{name}' must match [a-z0-9][a-z0-9.-]* (a slug, as the Hub shows it)");
            if (link is null) throw m.Error("license_link", "required when license is 'other'");
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw m.Error("license_link", $"'{link}' is not an absolute http or https URL");
        }
        else if (name is not null || link is not null)
            throw m.Error(name is not null ? "license_name" : "license_link", $"only for license 'other' (this one is '{id}')");
        return new DatasetLicense(id, name, link, m.OptionalString("license_note"));
    }

    private static string? HubModelId(YamlMapping m, string key)
    {
        var value = m.OptionalString(key);
        if (value is not null && !HubRepoIdPattern().IsMatch(value))
            throw m.Error(key, $"'{value}' is not a Hub model id (owner/name)");
        return value;
    }

    private static string Url(YamlMapping s)
    {
        var url = s.RequiredString("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
            throw s.Error("url", $"'{url}' is not an absolute http, https or file URL");
        return url;
    }

    private static string? Sha256(YamlMapping s)
    {
        var sha = s.OptionalString("sha256");
        if (sha is not null && !Sha256Pattern().IsMatch(sha)) throw s.Error("sha256", $"'{sha}' is not 64 lowercase hex digits");
        return sha;
    }

    private static string? RelativePath(YamlMapping m, string key, bool required)
    {
        var value = required ? m.RequiredString(key) : m.OptionalString(key);
        return value is null ? null : CheckRelative(m, key, value);
    }

    private static string CheckRelative(YamlMapping m, string key, string value)
    {
        try
        {
            SafePath.Resolve("/data-root", value, "path");
        }
        catch (ScReproException e)
        {
            throw m.Error(key, e.Message.Replace("path: ", ""));
        }
        // './x' and 'a//b' name the same file as 'x' and 'a/b' but not the same lock entry: one spelling only.
        if (Hashing.DataPath.Problem(value) is { } problem) throw m.Error(key, $"'{value}' is not allowed: {problem}");
        if (value.Split('/')[0] == ".screpro") throw m.Error(key, $"'{value}' is inside .screpro/, ScRepro's own bookkeeping folder");
        return value;
    }

    /// <summary>Paths in messages are relative to the working directory when inside it.</summary>
    private static string DisplayPath(string file)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, file);
        return rel.StartsWith("..", StringComparison.Ordinal) ? file : rel;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex LicenseNamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex HubRepoIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex PartitionPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
