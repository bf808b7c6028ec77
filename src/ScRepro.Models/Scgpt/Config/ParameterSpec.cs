namespace ScRepro.Models.Scgpt.Config;

/// <summary>One state-dict entry a model owns: its name, shape, and whether it is a buffer (BatchNorm statistics).</summary>
public sealed record ParameterSpec(string Name, long[] Shape, bool IsBuffer = false, bool IsInt64 = false)
{
    public long NumElements => Shape.Aggregate(1L, (a, b) => a * b);

    public override string ToString() => $"{Name} ({string.Join(", ", Shape)})";
}
