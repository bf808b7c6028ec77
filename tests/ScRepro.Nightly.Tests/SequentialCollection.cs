namespace ScRepro.Nightly.Tests;

/// <summary>Tests that run the pipeline in a temporary git project share the machine's cores: one at a time.</summary>
[CollectionDefinition("Sequential", DisableParallelization = true)]
public sealed class SequentialCollection;
