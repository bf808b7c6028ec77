using ScRepro.AnnData.Frames;
using ScRepro.Foundation.Errors;

namespace ScRepro.Evaluation.Perturbation;

/// <summary>
/// A real and a predicted AnnData checked once, as cell-eval's PerturbationAnndataPair checks them: identical var_names in
/// the same order, the perturbation column on both sides, the same set of labels (compared as strings), the control on both
/// sides, and X in log1p space. Metrics receive this, never raw AnnData.
/// </summary>
public sealed class PerturbationPair
{
    private PerturbationPair(string[] genes, string control, string[] perturbations, PerturbationSide real, PerturbationSide pred)
    {
        Genes = genes;
        Control = control;
        Perturbations = perturbations;
        Real = real;
        Pred = pred;
    }

    public string[] Genes { get; }
    public string Control { get; }

    /// <summary>Every label except the control, sorted by code point (numpy's np.unique order).</summary>
    public string[] Perturbations { get; }

    public PerturbationSide Real { get; }
    public PerturbationSide Pred { get; }

    /// <summary>Validates and prepares the pair; each failure is one ScReproException naming the input and the field.</summary>
    public static PerturbationPair Create(ScRepro.AnnData.AnnotatedData real, ScRepro.AnnData.AnnotatedData pred, PerturbationEvalOptions options)
    {
        var rs = options.RealSource;
        var ps = options.PredSource;
        if (real.NVars != pred.NVars)
            throw new ScReproException($"{ps}: var has {pred.NVars} genes but {rs} has {real.NVars}; var_names must be identical and in the same order");
        for (var g = 0; g < real.NVars; g++)
        {
            if (!string.Equals(real.VarNames[g], pred.VarNames[g], StringComparison.Ordinal))
                throw new ScReproException($"{ps}: var_names[{g}] is '{pred.VarNames[g]}' but {rs} has '{real.VarNames[g]}'; var_names must be identical and in the same order");
        }
        var realLabels = Labels(real, options.PertCol, rs);
        var predLabels = Labels(pred, options.PertCol, ps);
        var realGroups = Group(realLabels);
        var predGroups = Group(predLabels);
        if (!realGroups.ContainsKey(options.ControlPert))
            throw new ScReproException($"{rs}: obs['{options.PertCol}'] has no control cells labelled '{options.ControlPert}'");
        if (!predGroups.ContainsKey(options.ControlPert))
            throw new ScReproException($"{ps}: obs['{options.PertCol}'] has no control cells labelled '{options.ControlPert}' (the predicted AnnData must contain its own control cells)");
        var onlyReal = realGroups.Keys.Except(predGroups.Keys).Order(StringComparer.Ordinal).ToArray();
        var onlyPred = predGroups.Keys.Except(realGroups.Keys).Order(StringComparer.Ordinal).ToArray();
        if (onlyReal.Length > 0 || onlyPred.Length > 0)
            throw new ScReproException(
                $"{ps}: obs['{options.PertCol}'] has a different set of perturbations from {rs}: " +
                $"missing in pred [{Preview(onlyReal)}], missing in real [{Preview(onlyPred)}]");
        var perts = realGroups.Keys.Where(k => k != options.ControlPert).Order(StringComparer.Ordinal).ToArray();
        if (perts.Length == 0)
            throw new ScReproException($"{rs}: obs['{options.PertCol}'] holds only the control label '{options.ControlPert}'; nothing to evaluate");

        var realX = ExpressionNormaliser.Prepare(real.X, $"{rs} (X)", options.AllowDiscrete);
        var predX = ExpressionNormaliser.Prepare(pred.X, $"{ps} (X)", options.AllowDiscrete);
        return new PerturbationPair(real.VarNames, options.ControlPert, perts,
            new PerturbationSide(rs, realX, realGroups), new PerturbationSide(ps, predX, predGroups));
    }

    private static string[] Labels(ScRepro.AnnData.AnnotatedData adata, string column, string source)
    {
        if (!adata.Obs.Contains(column))
            throw new ScReproException($"{source}: obs has no column '{column}' (--pert-col); columns are: {string.Join(", ", adata.Obs.Columns.Select(c => c.Name))}");
        var col = adata.Obs[column];
        var labels = new string[col.Length];
        // Missing values become "nan", as str() of a pandas NaN does in cell-eval's astype(str) comparison.
        for (var i = 0; i < labels.Length; i++) labels[i] = col.GetString(i) ?? "nan";
        return labels;
    }

    private static Dictionary<string, int[]> Group(string[] labels)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            if (!lists.TryGetValue(labels[i], out var list)) lists[labels[i]] = list = new List<int>();
            list.Add(i);
        }
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string Preview(string[] labels) =>
        labels.Length <= 5 ? string.Join(", ", labels) : string.Join(", ", labels.Take(5)) + $", … ({labels.Length} in all)";
}
