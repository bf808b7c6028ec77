namespace ScRepro.Evaluation.Perturbation;

/// <summary>Settings of one evaluation run, passed per run (never stored globally). Defaults are cell-eval CLI defaults.</summary>
public sealed record PerturbationEvalOptions
{
    /// <summary>obs column holding the perturbation label (cell-eval CLI: --pert-col, default target_gene).</summary>
    public string PertCol { get; init; } = "target_gene";

    /// <summary>Label of the control cells (cell-eval CLI: --control-pert, default non-targeting).</summary>
    public string ControlPert { get; init; } = "non-targeting";

    /// <summary>Worker threads for DE and per-perturbation metrics; results never depend on it.</summary>
    public int NumThreads { get; init; } = 1;

    /// <summary>cell-eval's --allow-discrete: keep integer data as is instead of normalising and log1p-ing it.</summary>
    public bool AllowDiscrete { get; init; }

    /// <summary>Compute clustering_agreement (Leiden on kNN graphs of centroids). Off for speed-only runs.</summary>
    public bool ClusteringAgreement { get; init; } = true;

    /// <summary>Seed of the Leiden RNG (scanpy's default random_state is 0).</summary>
    public int LeidenSeed { get; init; }

    /// <summary>Names used in error messages for the real and predicted inputs (usually their file paths).</summary>
    public string RealSource { get; init; } = "real";
    public string PredSource { get; init; } = "pred";
}
