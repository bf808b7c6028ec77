using System.Globalization;
using ScRepro.Cards;
using YamlDotNet.Serialization;

namespace ScRepro.Audit.Publishing;

/// <summary>
/// The Hub front matter of a published card, emitted with YamlDotNet's serializer rather than a template, so every
/// scalar is quoted where YAML needs it (a task name with ": " is what broke the template's front matter) and the
/// block parses as the Hub parses it. Besides the Hub keys (hub-docs modelcard.md: license, library_name, tags,
/// model-index) it carries a `screpro` block that names the experiment, model, seed and the hashes an audit checks.
/// </summary>
public static class HubFrontMatter
{
    /// <summary>The "---\n…\n---\n" block.</summary>
    public static string Render(FrontMatter front, string datasetLicense, IReadOnlyDictionary<string, string> screpro)
    {
        var map = new Dictionary<string, object>();
        var (license, name) = LicenseId(datasetLicense);
        map["license"] = license;
        if (name is not null) map["license_name"] = name;
        map["library_name"] = "screpro";
        map["tags"] = front.Tags.ToList();
        map["model-index"] = new List<object>
        {
            new Dictionary<string, object>
            {
                ["name"] = front.ModelName,
                ["results"] = new List<object>
                {
                    new Dictionary<string, object>
                    {
                        ["task"] = new Dictionary<string, object> { ["type"] = front.TaskType, ["name"] = front.TaskName },
                        ["dataset"] = new Dictionary<string, object> { ["type"] = front.DatasetType, ["name"] = front.DatasetName },
                        ["metrics"] = front.Metrics.Select(m => (object)new Dictionary<string, object>
                        {
                            ["type"] = m.Type, ["name"] = m.Name,
                            ["value"] = double.Parse(m.Value, CultureInfo.InvariantCulture),
                        }).ToList(),
                    },
                },
            },
        };
        map["screpro"] = screpro.ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        var yaml = new SerializerBuilder().Build().Serialize(map);
        return "---\n" + yaml + "---\n";
    }

    /// <summary>
    /// A Hub licence id: an SPDX-style id is lower-cased (CC0-1.0 → cc0-1.0, as the Hub lists them); free text
    /// becomes `other` with a `license_name` slug (hub-docs modelcard.md).
    /// </summary>
    public static (string License, string? Name) LicenseId(string license)
    {
        var t = license.Trim();
        if (t.Length > 0 && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')) return (t.ToLowerInvariant(), null);
        var slug = new string(t.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-");
        slug = slug.Trim('-');
        return ("other", slug.Length > 64 ? slug[..64].TrimEnd('-') : slug);
    }
}
