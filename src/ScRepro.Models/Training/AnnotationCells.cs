using ScRepro.Foundation.Random;
using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Training;

/// <summary>
/// The cells of one annotation fine-tuning run, as scBERT's and Geneformer's trainers both take them: split obs_names
/// as rows (each one checked), validation cells held out of the training cells when the split has none, the classes
/// (every label of the data, sorted, as np.unique codes them) and each cell's class index.
/// </summary>
internal sealed class AnnotationCells
{
    private readonly string?[] _labelOf;
    private readonly Dictionary<string, int> _classIndex;
    private readonly AnnData.AnnotatedData _data;
    private readonly string _labelColumn;
    private readonly string _source;

    public AnnotationCells(AnnData.AnnotatedData data, string labelColumn, IReadOnlyList<string> train, IReadOnlyList<string> val,
        IReadOnlyList<string> test, SeedLedger seeds, string source)
    {
        (_data, _labelColumn, _source) = (data, labelColumn, source);
        if (!data.Obs.Contains(labelColumn)) throw new ScReproException($"{source}: obs has no column '{labelColumn}'");
        var rowOf = data.ObsNames.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        int[] Rows(IReadOnlyList<string> names) => names.Select(n => rowOf.TryGetValue(n, out var i) ? i
            : throw new ScReproException($"{source}: split cell '{n}' is not an obs_name")).ToArray();
        (TrainRows, ValRows, TestRows) = (Rows(train), Rows(val), Rows(test));
        ValSource = "split val cells";
        if (ValRows.Length == 0)
        {
            (TrainRows, ValRows) = ValidationHoldout.Split(TrainRows, seeds.Derive(SeedPurposes.ValidationHoldout), source);
            ValSource = ValidationHoldout.Note;
        }
        _labelOf = Enumerable.Range(0, data.NObs).Select(i => data.Obs[labelColumn].GetString(i)).ToArray();
        Classes = _labelOf.Where(s => s is not null).Select(s => s!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _classIndex = Classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
    }

    public int[] TrainRows { get; }
    public int[] ValRows { get; }
    public int[] TestRows { get; }
    public string ValSource { get; }
    public string[] Classes { get; }

    /// <summary>Every cell's label (null where missing), in row order.</summary>
    public IReadOnlyList<string?> LabelOf => _labelOf;

    /// <summary>Class index of a label.</summary>
    public int ClassOf(string label) => _classIndex[label];

    /// <summary>Class index of each row; a row without a label is an error naming the cell.</summary>
    public long[] Labels(int[] rows) => rows.Select(i => _labelOf[i] is { } l ? (long)_classIndex[l]
        : throw new ScReproException($"{_source}: cell '{_data.ObsNames[i]}' has no '{_labelColumn}' label")).ToArray();
}
