using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;

namespace ScRepro.Models.Tests.Scgpt;

/// <summary>
/// A small perturb-seq AnnData with a learnable signal: 24 genes, 64 control cells, and conditions "Gk+ctrl" that
/// raise gene k by 2 and gene k+1 by 1 (log scale) over a Poisson-like control baseline. Seeded, so tests are exact.
/// </summary>
internal static class SyntheticPerturbation
{
    public const int Genes = 24;

    public static AnnData.AnnotatedData Make(int seed = 3)
    {
        var rng = new Random(seed);
        var conditions = new List<string>();
        for (var i = 0; i < 64; i++) conditions.Add("ctrl");
        foreach (var k in new[] { 1, 4, 7, 10, 13, 16 })
            for (var i = 0; i < 16; i++) conditions.Add($"G{k}+ctrl");
        var x = new DenseMatrix(conditions.Count, Genes);
        for (var c = 0; c < conditions.Count; c++)
        {
            var shift = new double[Genes];
            if (conditions[c] != "ctrl")
            {
                var k = int.Parse(conditions[c][1..conditions[c].IndexOf('+')], System.Globalization.CultureInfo.InvariantCulture);
                shift[k] = 2;
                shift[k + 1] = 1;
            }
            for (var g = 0; g < Genes; g++)
            {
                var v = 0.5 + 0.05 * g + shift[g] + 0.3 * (rng.NextDouble() - 0.5);
                x[c, g] = rng.NextDouble() < 0.15 ? 0f : (float)Math.Max(v, 0);
            }
        }
        var obs = new DataFrame(Enumerable.Range(0, conditions.Count).Select(i => $"cell{i}").ToArray());
        obs.Add(new StringColumn("condition", conditions.Select(s => (string?)s).ToArray()));
        var genes = Enumerable.Range(0, Genes).Select(g => $"G{g}").ToArray();
        var var = new DataFrame(genes);
        var.Add(new StringColumn("gene_name", genes.Select(g => (string?)g).ToArray()));
        return new AnnData.AnnotatedData(x, obs, var);
    }

    public static readonly string[] Train = ["G1+ctrl", "G4+ctrl", "G7+ctrl", "G10+ctrl"];
    public static readonly string[] Val = ["G13+ctrl"];
    public static readonly string[] Test = ["G16+ctrl"];
}
