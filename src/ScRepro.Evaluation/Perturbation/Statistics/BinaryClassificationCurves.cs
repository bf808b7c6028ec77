namespace ScRepro.Evaluation.Perturbation.Statistics;

/// <summary>sklearn's average_precision_score and roc_auc (auc over roc_curve) for 0/1 labels and float scores.</summary>
public static class BinaryClassificationCurves
{
    /// <summary>
    /// (average precision, ROC AUC). AP = Σ (R_n − R_{n−1})·P_n over distinct score thresholds, high to low, without
    /// interpolation (sklearn ≥ 0.19). ROC AUC = trapezoid area under (FPR, TPR) over the same thresholds, which is what
    /// auc(roc_curve(...)) gives (dropping collinear points does not change the area). Callers handle all-0/all-1 labels.
    /// </summary>
    public static (double AveragePrecision, double RocAuc) Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores)
    {
        var n = labels.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var s = scores.ToArray();
        // Descending by score; ties are grouped into one threshold, so their order does not matter.
        Array.Sort(order, (i, j) => s[j].CompareTo(s[i]));
        double positives = 0;
        for (var i = 0; i < n; i++) if (labels[i]) positives++;
        var negatives = n - positives;

        double tp = 0, fp = 0, prevTp = 0, prevFp = 0, ap = 0, area = 0, prevRecall = 0;
        var k = 0;
        while (k < n)
        {
            var threshold = s[order[k]];
            while (k < n && s[order[k]] == threshold)
            {
                if (labels[order[k]]) tp++; else fp++;
                k++;
            }
            var recall = tp / positives;
            var precision = tp / (tp + fp);
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
            area += (fp - prevFp) / negatives * (tp + prevTp) / 2.0 / positives;
            prevTp = tp;
            prevFp = fp;
        }
        return (ap, area);
    }
}
