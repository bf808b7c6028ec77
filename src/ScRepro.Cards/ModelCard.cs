using ScRepro.Cards.Figures;
using ScRepro.Cards.Hub;

namespace ScRepro.Cards;

/// <summary>
/// Everything a MODEL_CARD.md shows. <see cref="Hub"/> becomes the front matter (serialized, never templated); the
/// rest is laid out by reports/templates/model_card.md.scriban, which binds these member names as written and
/// formats the raw numbers itself. <see cref="Figures"/> are PNGs beside the card (none for a fit without epochs).
/// </summary>
public sealed record ModelCard(
    string Title,
    string Summary,
    HubMetadata Hub,
    CardProvenance Provenance,
    string BaseModel,
    IReadOnlyList<KeyValue> Recipe,
    IReadOnlyList<KeyValue> Budget,
    string MetricsSource,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<ReferenceRow> References,
    IReadOnlyList<string> Limitations,
    IReadOnlyList<FileRow> Files,
    string Usage,
    IReadOnlyList<string> Citations,
    IReadOnlyList<FigureLink> Figures);
