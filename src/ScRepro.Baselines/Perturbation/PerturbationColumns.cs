namespace ScRepro.Baselines.Perturbation;

/// <summary>
/// Which obs column holds the condition (GEARS: "condition", values like "A+ctrl", "A+B", "ctrl") and which label
/// is the control. <see cref="GeneNames"/> optionally names the var column holding gene symbols (GEARS' "gene_name");
/// the linear model needs it to map a perturbed gene to its row; null = var_names.
/// </summary>
public sealed record PerturbationColumns(string Perturbation, string Control, string? GeneNames = null);
