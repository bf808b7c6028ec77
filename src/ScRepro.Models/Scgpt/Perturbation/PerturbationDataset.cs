using ScRepro.Splits.Random;
using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Preprocessing;

namespace ScRepro.Models.Scgpt.Perturbation;

/// <summary>
/// A perturb-seq AnnData as GEARS 0.0.2 presents it to scGPT (spec §4.3): X log-normalised expression, one condition
/// per cell ("ctrl", "A+ctrl", "A+B"), and gene names (var `gene_name`, else the var index). Each perturbed cell is paired
/// with one random control cell as the input; control cells are their own input and target.
/// </summary>
public sealed class PerturbationDataset
{
    private readonly Dictionary<string, int> _geneIndex;

    public PerturbationDataset(Matrix x, string[] conditions, string[] genes, string controlLabel, string source)
    {
        if (conditions.Length != x.Rows) throw new ArgumentException($"{conditions.Length} conditions for {x.Rows} cells");
        if (genes.Length != x.Cols) throw new ArgumentException($"{genes.Length} gene names for {x.Cols} genes");
        X = x;
        Conditions = conditions;
        Genes = genes;
        ControlLabel = controlLabel;
        _geneIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < genes.Length; g++) _geneIndex.TryAdd(genes[g], g);
        ControlCells = Enumerable.Range(0, conditions.Length).Where(i => conditions[i] == controlLabel).ToArray();
        if (ControlCells.Length == 0)
            throw new ScReproException($"{source}: no cell has the control label '{controlLabel}' in the perturbation column");
    }

    /// <summary>Builds the dataset from an AnnData's X, obs column and var.</summary>
    public static PerturbationDataset FromAnnData(AnnData.AnnotatedData data, string conditionColumn, string controlLabel, string source)
    {
        if (data.X is null) throw new ScReproException($"{source}: X is missing");
        if (!data.Obs.Contains(conditionColumn)) throw new ScReproException($"{source}: obs has no column '{conditionColumn}'");
        var column = data.Obs[conditionColumn];
        var conditions = Enumerable.Range(0, data.NObs)
            .Select(i => column.GetString(i) ?? throw new ScReproException($"{source}: obs['{conditionColumn}'] is missing for cell {data.ObsNames[i]}"))
            .ToArray();
        var genes = data.Var.Contains("gene_name")
            ? Enumerable.Range(0, data.NVars).Select(i => data.Var["gene_name"].GetString(i) ?? data.VarNames[i]).ToArray()
            : data.VarNames;
        return new PerturbationDataset(data.X, conditions, genes, controlLabel, source);
    }

    public Matrix X { get; }
    public string[] Conditions { get; }
    public string[] Genes { get; }
    public string ControlLabel { get; }
    public int[] ControlCells { get; }
    public int NGenes => Genes.Length;

    /// <summary>
    /// Indices of the genes a condition perturbs (its '+'-separated names other than "ctrl"), as GEARS'
    /// np.where(p == gene_names): a name not among the genes flags nothing.
    /// </summary>
    public int[] PerturbedGenes(string condition) =>
        condition.Split('+').Where(p => p != "ctrl" && p != ControlLabel)
            .Select(p => _geneIndex.TryGetValue(p, out var g) ? g : -1).Where(g => g >= 0).Distinct().ToArray();

    /// <summary>
    /// (input control cell, target cell) for every cell whose condition is in <paramref name="conditions"/>, in cell order;
    /// control cells pair with themselves. The control draw is seeded (GEARS' np.random.randint is not).
    /// </summary>
    public List<CellPair> Pairs(IReadOnlySet<string> conditions, NumpyRandomState rng)
    {
        var pairs = new List<CellPair>();
        for (var i = 0; i < Conditions.Length; i++)
        {
            if (!conditions.Contains(Conditions[i])) continue;
            var control = Conditions[i] == ControlLabel ? i : ControlCells[(int)rng.RandomInterval((ulong)(ControlCells.Length - 1))];
            pairs.Add(new CellPair(control, i));
        }
        return pairs;
    }

    /// <summary>Mean expression of the given cells (float64 sums), over all genes.</summary>
    public double[] MeanProfile(IReadOnlyList<int> cells)
    {
        var mean = new double[NGenes];
        const int chunk = 256;
        for (var start = 0; start < cells.Count; start += chunk)
        {
            var block = X.ToDense(cells.Skip(start).Take(chunk).ToList());
            for (var r = 0; r < block.Rows; r++)
            {
                var row = block.Row(r);
                for (var g = 0; g < NGenes; g++) mean[g] += row[g];
            }
        }
        for (var g = 0; g < NGenes; g++) mean[g] /= Math.Max(cells.Count, 1);
        return mean;
    }
}

/// <summary>One training example: the control cell fed in and the cell whose expression is the target.</summary>
public readonly record struct CellPair(int Control, int Target);
