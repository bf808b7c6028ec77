namespace ScRepro.Cards.Hub;

/// <summary>`results[].metrics[]`: the value is the raw double (written in shortest round-trip form, never NaN).</summary>
public sealed record ModelIndexMetric(string Type, double Value, string Name);
