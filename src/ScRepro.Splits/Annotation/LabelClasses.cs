using System.Globalization;
using ScRepro.Splits.Text;

namespace ScRepro.Splits.Annotation;

/// <summary>
/// np.unique(y, return_inverse=True): the sorted classes and each sample's class index. Text labels sort by code
/// point (numpy '&lt;U' / Python str); numeric labels (an int or float obs column) sort by value, as numpy does.
/// </summary>
public sealed class LabelClasses
{
    public LabelClasses(IReadOnlyList<string> labels, bool numeric = false)
    {
        IComparer<string> order = numeric ? NumericOrder.Instance : CodePointComparer.Instance;
        Classes = labels.Distinct(StringComparer.Ordinal).Order(order).ToArray();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Classes.Length; i++) lookup[Classes[i]] = i;
        Codes = labels.Select(l => lookup[l]).ToArray();
        Counts = new int[Classes.Length];
        foreach (var c in Codes) Counts[c]++;
    }

    /// <summary>Class names in numpy's sorted order.</summary>
    public string[] Classes { get; }

    /// <summary>Per sample: the index of its class in <see cref="Classes"/>.</summary>
    public int[] Codes { get; }

    /// <summary>np.bincount(codes).</summary>
    public int[] Counts { get; }

    /// <summary>Sample indices of each class, ascending (np.argsort(codes, kind='mergesort') split by class).</summary>
    public int[][] IndicesByClass()
    {
        var lists = Classes.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < Codes.Length; i++) lists[Codes[i]].Add(i);
        return lists.Select(l => l.ToArray()).ToArray();
    }

    private sealed class NumericOrder : IComparer<string>
    {
        public static readonly NumericOrder Instance = new();

        public int Compare(string? x, string? y) =>
            double.Parse(x!, CultureInfo.InvariantCulture).CompareTo(double.Parse(y!, CultureInfo.InvariantCulture));
    }
}
