namespace ScRepro.Evaluation.Perturbation.Catalogue;

/// <summary>
/// Every perturbation metric, in cell-eval 0.8.1's computation order (metrics/_impl.py, profile "full": DE metrics, then
/// AnnData metrics), which is also the column order of results.csv. Families are generated from their parameters.
/// </summary>
public static class MetricCatalogue
{
    /// <summary>The k values of the overlap/precision families; null is "N" (the number of significant genes).</summary>
    public static IReadOnlyList<int?> TopK { get; } = [null, 50, 100, 200, 500];

    public static IReadOnlyList<MetricInfo> All { get; } = Build();

    private static readonly Dictionary<string, MetricInfo> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The metric called <paramref name="name"/>; throws KeyNotFoundException for an unknown name.</summary>
    public static MetricInfo Get(string name) => ByName[name];

    public static bool Contains(string name) => ByName.ContainsKey(name);

    /// <summary>Name of the overlap (real-truncated) or precision (pred-truncated) family member for k.</summary>
    public static string TopKName(string family, int? k) => $"{family}_at_{(k is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "N")}";

    private static List<MetricInfo> Build()
    {
        const MetricKind de = MetricKind.DifferentialExpression;
        const MetricKind ad = MetricKind.AnnDataPair;
        const MetricScope per = MetricScope.PerPerturbation;
        const MetricScope global = MetricScope.Global;
        var list = new List<MetricInfo>();
        foreach (var k in TopK)
            list.Add(new(TopKName("overlap", k), de, BestValue.One, per,
                k is null
                    ? "Share of the real significant genes (fdr < 0.05, by |log2FC|) found among the top-N predicted significant genes, N = number of real significant genes"
                    : $"Overlap of the top-{k} real and predicted significant genes by |log2FC| (k capped at the number of real significant genes)"));
        foreach (var k in TopK)
            list.Add(new(TopKName("precision", k), de, BestValue.One, per,
                k is null
                    ? "Share of the predicted significant genes found among the top-N real significant genes, N = number of predicted significant genes"
                    : $"Overlap of the top-{k} real and predicted significant genes by |log2FC| (k capped at the number of predicted significant genes)"));
        list.Add(new("de_spearman_sig", de, BestValue.One, global,
            "Spearman correlation across perturbations (those with ≥1 real significant gene) of the real and predicted numbers of significant genes"));
        list.Add(new("de_direction_match", de, BestValue.One, per,
            "Share of the real significant genes whose predicted log2 fold change has the same sign"));
        list.Add(new("de_spearman_lfc_sig", de, BestValue.One, per,
            "Spearman correlation of real and predicted log2 fold changes over the real significant genes"));
        list.Add(new("de_sig_genes_recall", de, BestValue.One, per,
            "Share of the real significant genes that are also significant in the prediction"));
        list.Add(new("de_nsig_counts_real", de, BestValue.None, per, "Number of genes with fdr < 0.05 in the real DE"));
        list.Add(new("de_nsig_counts_pred", de, BestValue.None, per, "Number of genes with fdr < 0.05 in the predicted DE"));
        list.Add(new("pr_auc", de, BestValue.One, per,
            "Average precision of −log10(predicted fdr) for recovering the real significant genes"));
        list.Add(new("roc_auc", de, BestValue.One, per,
            "ROC AUC of −log10(predicted fdr) for recovering the real significant genes"));
        list.Add(new("pearson_delta", ad, BestValue.One, per,
            "Pearson correlation over genes of the predicted and real mean effects (perturbation mean − own control mean)"));
        list.Add(new("mse", ad, BestValue.Zero, per, "Mean squared error between the predicted and real perturbation means"));
        list.Add(new("mae", ad, BestValue.Zero, per, "Mean absolute error between the predicted and real perturbation means"));
        list.Add(new("mse_delta", ad, BestValue.Zero, per, "Mean squared error between the predicted and real mean effects"));
        list.Add(new("mae_delta", ad, BestValue.Zero, per, "Mean absolute error between the predicted and real mean effects"));
        foreach (var m in new[] { "l1", "l2", "cosine" })
            list.Add(new($"discrimination_score_{m}", ad, BestValue.One, per,
                $"1 − rank/N of the true perturbation among all real effects, ordered by {m} distance to the predicted effect (target gene excluded)"));
        list.Add(new("pearson_edistance", ad, BestValue.One, global,
            "Pearson correlation across perturbations of the real and predicted energy distances to control"));
        list.Add(new("clustering_agreement", ad, BestValue.One, global,
            "Best adjusted mutual information between Leiden clusterings of the real and predicted perturbation centroids"));
        return list;
    }
}
