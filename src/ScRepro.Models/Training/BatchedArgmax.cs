using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Training;

/// <summary>
/// A classifier's labels for a set of cells: eval mode, no gradients, the cells in order in batches of
/// <c>batchSize</c>, the argmax of each batch's logits (softmax is monotone, so no softmax). Shared by the scBERT and
/// Geneformer predictors; each supplies the forward pass of one batch of cell indices.
/// </summary>
public static class BatchedArgmax
{
    public static int[] Predict(nn.Module model, int count, int batchSize, Func<int[], Tensor> logits)
    {
        model.eval();
        using var _ = no_grad();
        var result = new List<int>(count);
        for (var start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var idx = Enumerable.Range(start, Math.Min(batchSize, count - start)).ToArray();
            result.AddRange(logits(idx).argmax(1).cpu().data<long>().Select(v => (int)v));
        }
        return [.. result];
    }
}
