namespace ScRepro.Pipeline.Tests.Slurm;

/// <summary>The tests that share one real Slurm cluster; they run one after another (a 2-CPU node).</summary>
[CollectionDefinition("Slurm", DisableParallelization = true)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>;
