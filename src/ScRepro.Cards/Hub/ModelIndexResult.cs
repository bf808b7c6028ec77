namespace ScRepro.Cards.Hub;

/// <summary>`model-index[].results[]`: the Hub requires task.type, dataset.type, dataset.name, metrics[].type and metrics[].value.</summary>
public sealed record ModelIndexResult(ModelIndexTask Task, ModelIndexDataset Dataset, IReadOnlyList<ModelIndexMetric> Metrics);
