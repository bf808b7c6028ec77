namespace ScRepro.Cards;

/// <summary>A row of the training or budget table (manifest values and trainer details, as text).</summary>
public sealed record KeyValue(string Key, string Value);
