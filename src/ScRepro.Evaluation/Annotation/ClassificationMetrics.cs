namespace ScRepro.Evaluation.Annotation;

/// <summary>
/// Accuracy, per-class and macro precision/recall/F1 and the confusion matrix, as sklearn computes them with the
/// default labels (the sorted union of true and predicted labels) and zero_division="warn" (which yields 0).
/// Classes that occur in neither vector do not enter the macro mean, as in sklearn and in the papers' tables.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Computes every metric; <paramref name="labels"/> overrides the label set (sklearn's labels=).</summary>
    public static ClassificationReport Compute(IReadOnlyList<string> yTrue, IReadOnlyList<string> yPred,
        IReadOnlyList<string>? labels = null)
    {
        if (yTrue.Count != yPred.Count)
            throw new ArgumentException($"y_true has {yTrue.Count} entries, y_pred {yPred.Count}");
        if (yTrue.Count == 0) throw new ArgumentException("no samples");
        var labelList = labels?.ToArray()
            ?? yTrue.Concat(yPred).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labelList.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i, StringComparer.Ordinal);
        var k = labelList.Length;
        var cm = new int[k][];
        for (var i = 0; i < k; i++) cm[i] = new int[k];
        var correct = 0;
        for (var n = 0; n < yTrue.Count; n++)
        {
            if (yTrue[n] == yPred[n]) correct++;
            if (index.TryGetValue(yTrue[n], out var t) && index.TryGetValue(yPred[n], out var p)) cm[t][p]++;
        }

        var perClass = new ClassMetrics[k];
        for (var c = 0; c < k; c++)
        {
            var tp = cm[c][c];
            var support = cm[c].Sum();
            var predicted = 0;
            for (var r = 0; r < k; r++) predicted += cm[r][c];
            var precision = predicted == 0 ? 0.0 : (double)tp / predicted;
            var recall = support == 0 ? 0.0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassMetrics(labelList[c], precision, recall, f1, support);
        }
        var totalSupport = perClass.Sum(m => m.Support);
        return new ClassificationReport(
            Accuracy: (double)correct / yTrue.Count,
            MacroF1: k == 0 ? 0 : perClass.Average(m => m.F1),
            MacroPrecision: k == 0 ? 0 : perClass.Average(m => m.Precision),
            MacroRecall: k == 0 ? 0 : perClass.Average(m => m.Recall),
            WeightedF1: totalSupport == 0 ? 0 : perClass.Sum(m => m.F1 * m.Support) / totalSupport,
            NSamples: yTrue.Count,
            Labels: labelList,
            PerClass: perClass,
            ConfusionMatrix: cm);
    }
}
