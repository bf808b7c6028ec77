using ScRepro.Cards.Hub;

namespace ScRepro.Audit.Publishing;

/// <summary>
/// The Hub front matter of a published card: the card's own Hub metadata (ScRepro.Cards.Hub.FrontMatter, YamlDotNet's
/// serializer; the licence is already a Hub id or `other` + name + link from the dataset manifest), plus a `screpro`
/// block that names the experiment, model, seed and the hashes an audit checks.
/// </summary>
public static class HubFrontMatter
{
    /// <summary>The "---\n…\n---\n" block: the card's Hub metadata, then the `screpro` block.</summary>
    public static string Render(HubMetadata hub, IReadOnlyDictionary<string, string> screpro) => FrontMatter.Write(hub, screpro);
}
