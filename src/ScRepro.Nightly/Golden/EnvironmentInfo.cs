namespace ScRepro.Nightly.Golden;

/// <summary>The software and machine a run used (from the outputs' provenance blocks).</summary>
public sealed record EnvironmentInfo(string Screpro, string Dotnet, string? Libtorch, string Os, string Cpu, int Threads);
