namespace ScRepro.Pipeline.Tests;

/// <summary>Tests that change the working directory or run whole pipelines do not run in parallel with each other.</summary>
[CollectionDefinition("Sequential", DisableParallelization = true)]
public sealed class SequentialCollection;
