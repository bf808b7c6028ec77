using ScRepro.Foundation.Parameters;
using ScRepro.AnnData.Frames;

namespace ScRepro.Simulation;

/// <summary>
/// A cell-type annotation dataset with about ten imbalanced PBMC-like types (class sizes fall geometrically,
/// as in Zheng68K where CD8+ cytotoxic T cells dominate and dendritic cells are rare). Each lineage (T, NK, B,
/// myeloid, progenitor) up-regulates strong marker genes; the T subtypes share theirs and differ only by a few weak
/// markers, so, as in Zheng68K, the T subsets are confused with each other while lineages are not (a demo where every
/// model scores 1.0 could not tell models apart). Donors add a small per-gene batch effect, so held-out-donor splits
/// are harder than random ones. X holds raw negative-binomial counts (the annotation recipes normalise them).
/// </summary>
public sealed class AnnotationSimulator
{
    public static readonly string[] TypeNames =
    [
        "CD8+ Cytotoxic T", "CD8+/CD45RA+ Naive Cytotoxic", "CD56+ NK", "CD4+/CD25 T Reg", "CD19+ B",
        "CD4+/CD45RO+ Memory", "CD14+ Monocyte", "Dendritic", "CD4+/CD45RA+/CD25- Naive T", "CD34+",
    ];

    /// <summary>Lineage of each type in <see cref="TypeNames"/>: 0 T, 1 NK, 2 B, 3 myeloid, 4 progenitor.</summary>
    private static readonly int[] Lineage = [0, 0, 1, 0, 2, 0, 3, 3, 0, 4];

    /// <param name="MarkerLogFold">Log-fold of each lineage marker.</param>
    /// <param name="SubtypeLogFold">Log-fold of the markers that set a type apart within its lineage (weak).</param>
    public sealed record Settings(int Cells, int Genes, int Types, int Donors, int MarkersPerType, double Imbalance,
        double MarkerLogFold, double DonorEffect, double Dispersion, double LibrarySize, double SubtypeLogFold = 0.5);

    /// <summary>
    /// What an empty parameter map reads as (the full-size demo); tests take it `with` the few sizes they need, so the
    /// defaults live only in <see cref="Read"/>.
    /// </summary>
    public static Settings Defaults { get; } = Read(new ParameterReader(new Dictionary<string, object?>(), "defaults", "generator.parameters.annotation"));

    public static Settings Read(ParameterReader p)
    {
        var s = new Settings(p.Int("n_cells", 2500, 0), p.Int("n_genes", 300, 0), p.Int("n_types", 10, 0), p.Int("n_donors", 4, 0),
            p.Int("markers_per_type", 12, 0), p.Double("imbalance", 0.72), p.Double("marker_log_fold", 1.6),
            p.Double("donor_effect", 0.25), p.Double("dispersion", 6.0), p.Double("library_size", 2500),
            p.Double("subtype_log_fold", 0.5));
        p.Finish();
        return s;
    }

    public static AnnData.AnnotatedData Simulate(Settings s, int seed)
    {
        var rng = new Sampler(seed);
        var types = Math.Min(s.Types, TypeNames.Length);
        var genes = Enumerable.Range(1, s.Genes).Select(i => $"SG{i:D4}").ToArray();
        var baseLog = Enumerable.Range(0, s.Genes).Select(_ => rng.Normal(0, 1.2)).ToArray();
        var lineageEffect = new double[Lineage.Max() + 1][];
        for (var l = 0; l < lineageEffect.Length; l++)
        {
            lineageEffect[l] = new double[s.Genes];
            for (var k = 0; k < s.MarkersPerType; k++) lineageEffect[l][rng.Integer(s.Genes)] += s.MarkerLogFold * (0.6 + rng.Uniform());
        }
        var typeEffect = new double[types][];
        for (var t = 0; t < types; t++)
        {
            typeEffect[t] = (double[])lineageEffect[Lineage[t]].Clone();
            for (var k = 0; k < s.MarkersPerType / 3; k++) typeEffect[t][rng.Integer(s.Genes)] += s.SubtypeLogFold * (0.6 + rng.Uniform());
        }
        var donorEffect = Enumerable.Range(0, s.Donors)
            .Select(_ => Enumerable.Range(0, s.Genes).Select(_ => rng.Normal(0, s.DonorEffect)).ToArray()).ToArray();

        // Geometric class weights: type t has weight imbalance^t.
        var weights = Enumerable.Range(0, types).Select(t => Math.Pow(s.Imbalance, t)).ToArray();
        var cumulative = new double[types];
        var acc = 0.0;
        for (var t = 0; t < types; t++) cumulative[t] = acc += weights[t] / weights.Sum();

        var labels = new List<string>();
        var donors = new List<string?>();
        var counts = new List<float[]>();
        for (var c = 0; c < s.Cells; c++)
        {
            var u = rng.Uniform();
            var t = Array.FindIndex(cumulative, x => u <= x);
            if (t < 0) t = types - 1;
            var d = rng.Integer(s.Donors);
            var logits = new double[s.Genes];
            for (var g = 0; g < s.Genes; g++) logits[g] = baseLog[g] + typeEffect[t][g] + donorEffect[d][g];
            var max = logits.Max();
            var fractions = logits.Select(l => Math.Exp(l - max)).ToArray();
            var norm = fractions.Sum();
            var library = s.LibrarySize * Math.Exp(rng.Normal(0, 0.35));
            var row = new float[s.Genes];
            for (var g = 0; g < s.Genes; g++) row[g] = rng.NegativeBinomial(library * fractions[g] / norm, s.Dispersion);
            labels.Add(TypeNames[t]);
            donors.Add($"donor{d + 1}");
            counts.Add(row);
        }
        return DemoAnnData.Build(labels, counts, genes, "cell_type", normalise: false, extraObs: (obs, _) =>
            obs.Add(CategoricalColumn.FromLabels("donor", donors)), uns: new Dictionary<string, object?>
            {
                ["simulation"] = new Dictionary<string, object?>
                {
                    ["generator"] = "screpro-demo-annotation",
                    ["seed"] = (long)seed,
                },
            });
    }
}
