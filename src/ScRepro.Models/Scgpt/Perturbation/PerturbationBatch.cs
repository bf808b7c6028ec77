using ScRepro.Splits.Random;
using ScRepro.Models.Scgpt.Preprocessing;

namespace ScRepro.Models.Scgpt.Perturbation;

/// <summary>
/// One batch as Tutorial_Perturbation's train step builds it (spec §4.4): the genes at <see cref="Positions"/> (all genes,
/// or one random subset of max_seq_len shared by the batch, unsorted), src = their vocab ids, values = the control cell's
/// expression, flags = 1 at the perturbed genes, target = the perturbed cell's expression. Flat row-major (B, S) arrays.
/// </summary>
public sealed record PerturbationBatch(int BatchSize, int[] Positions, long[] Src, float[] Values, long[] Flags, float[] Target)
{
    public int Length => Positions.Length;

    /// <summary>The gene positions for one batch: all when they fit, else torch.randperm(n)[:max_seq_len] (seeded here).</summary>
    public static int[] SelectPositions(int nGenes, int maxSeqLen, NumpyRandomState rng) =>
        nGenes <= maxSeqLen ? Enumerable.Range(0, nGenes).ToArray() : rng.Permutation(nGenes)[..maxSeqLen];

    public static PerturbationBatch Build(PerturbationDataset data, IReadOnlyList<CellPair> pairs, int[] positions, IReadOnlyList<int> geneVocabIds)
    {
        var b = pairs.Count;
        var s = positions.Length;
        var controls = data.X.ToDense(pairs.Select(p => p.Control).ToList());
        var targets = data.X.ToDense(pairs.Select(p => p.Target).ToList());
        var src = new long[b * s];
        var values = new float[b * s];
        var flags = new long[b * s];
        var target = new float[b * s];
        var where = new Dictionary<int, int>();
        for (var k = 0; k < s; k++) where[positions[k]] = k;
        for (var r = 0; r < b; r++)
        {
            var c = controls.Row(r);
            var t = targets.Row(r);
            for (var k = 0; k < s; k++)
            {
                var g = positions[k];
                src[r * s + k] = geneVocabIds[g];
                values[r * s + k] = c[g];
                target[r * s + k] = t[g];
            }
            foreach (var g in data.PerturbedGenes(data.Conditions[pairs[r].Target]))
            {
                if (where.TryGetValue(g, out var k)) flags[r * s + k] = 1;
            }
        }
        return new PerturbationBatch(b, positions, src, values, flags, target);
    }
}
