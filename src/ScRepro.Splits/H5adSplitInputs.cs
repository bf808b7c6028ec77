using ScRepro.AnnData;
using ScRepro.AnnData.Frames;
using ScRepro.Foundation.Errors;

namespace ScRepro.Splits;

/// <summary>Builds a <see cref="SplitInput"/> from an .h5ad's obs (X is never read).</summary>
public static class H5adSplitInputs
{
    /// <summary>Unique values of <paramref name="perturbationColumn"/> in order of first appearance (pandas .unique()).</summary>
    public static SplitInput Conditions(string path, string perturbationColumn)
    {
        var obs = ReadObs(path);
        var col = Column(obs, perturbationColumn, path);
        var values = new List<string>(obs.Count);
        for (var i = 0; i < obs.Count; i++)
            values.Add(col.GetString(i) ?? throw new ScReproException($"{path}: obs column '{perturbationColumn}' is missing a value at row {i} ('{obs.Index[i]}')"));
        return SplitInput.FromConditions(values, path);
    }

    /// <summary>obs_names with labels from <paramref name="labelColumn"/> and batches from <paramref name="batchColumn"/>.</summary>
    public static SplitInput Obs(string path, string? labelColumn, string? batchColumn = null)
    {
        var obs = ReadObs(path);
        string[]? labels = null;
        var numeric = false;
        if (labelColumn is not null)
        {
            var col = Column(obs, labelColumn, path);
            labels = new string[obs.Count];
            for (var i = 0; i < obs.Count; i++)
                labels[i] = col.GetString(i) ?? throw new ScReproException($"{path}: obs column '{labelColumn}' is missing a label at row {i} ('{obs.Index[i]}')");
            numeric = col is NumericColumn || col is NullableColumn { IsBoolean: false };
        }
        string?[]? batches = null;
        if (batchColumn is not null)
        {
            var col = Column(obs, batchColumn, path);
            batches = Enumerable.Range(0, obs.Count).Select(col.GetString).ToArray();
        }
        return SplitInput.FromObs(obs.Index, labels, batches, numeric, path);
    }

    private static DataFrame ReadObs(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: file not found");
        using var reader = AnnDataFile.Open(path);
        return reader.ReadObs();
    }

    private static Column Column(DataFrame obs, string name, string path) =>
        obs.Contains(name) ? obs[name]
            : throw new ScReproException($"{path}: obs has no column '{name}' (have: {string.Join(", ", obs.Columns.Select(c => c.Name))})");
}
