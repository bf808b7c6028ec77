using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>
/// FAVOR+ with positive random features of the softmax kernel (Performer; scale-gpu-models.md §3.1), non-causal.
/// </summary>
public static class Favor
{
    /// <summary>The constant added inside the kernel so no feature is exactly zero.</summary>
    public const double KernelEps = 1e-4;

    /// <summary>
    /// φ(x) = ratio·(exp(x̂Pᵀ − ‖x̂‖²/2 − m) + ε) with x̂ = x·d^-¼ and ratio = features^-½. For queries m is the max over
    /// the feature axis of each row; for keys it is the max over the whole tensor (every cell, head and position of the
    /// batch: the reason a cell's output depends on the batch it is in).
    /// </summary>
    /// <param name="x">(batch, heads, positions, dim_head).</param>
    /// <param name="projection">(features, dim_head).</param>
    public static Tensor SoftmaxKernel(Tensor x, Tensor projection, bool isQuery)
    {
        using var scope = NewDisposeScope();
        var normalizer = Math.Pow(x.shape[^1], -0.25);
        var ratio = Math.Pow(projection.shape[0], -0.5);
        var dash = (x * normalizer).matmul(projection.t().to(x.dtype));
        var diag = x.square().sum(-1, keepdim: true) / 2.0 * (normalizer * normalizer);
        var max = isQuery ? dash.amax([-1], true) : dash.amax();
        return ((dash - diag - max).exp() + KernelEps).mul(ratio).MoveToOuterDisposeScope();
    }

    /// <summary>out = D⁻¹·Q'(K'ᵀV) with D = Q'·ΣK' (sum over positions).</summary>
    public static Tensor LinearAttention(Tensor q, Tensor k, Tensor v)
    {
        using var scope = NewDisposeScope();
        var dInv = q.matmul(k.sum(-2).unsqueeze(-1)).squeeze(-1).reciprocal();
        var context = k.transpose(-1, -2).matmul(v);
        return (q.matmul(context) * dInv.unsqueeze(-1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The Gaussian orthogonal random matrix (scaling=0): ⌊rows/cols⌋ blocks Qᵀ of QR(randn(cols, cols)), the first
    /// rows of one more block, each row scaled by the norm of a row of randn(rows, cols). Drawn from libtorch's CPU
    /// generator (upstream also runs the QR on the CPU), so a seeded run draws the same matrices on any device.
    /// </summary>
    public static Tensor GaussianOrthogonalRandomMatrix(int rows, int cols)
    {
        using var scope = NewDisposeScope();
        var blocks = new List<Tensor>();
        var full = rows / cols;
        for (var i = 0; i < full; i++) blocks.Add(OrthogonalChunk(cols));
        var rest = rows - full * cols;
        if (rest > 0) blocks.Add(OrthogonalChunk(cols).slice(0, 0, rest, 1));
        var multiplier = randn([rows, cols]).square().sum(1).sqrt();
        return (multiplier.unsqueeze(1) * cat(blocks, 0)).MoveToOuterDisposeScope();
    }

    private static Tensor OrthogonalChunk(int cols)
    {
        var (q, _) = randn([cols, cols]).linalg_qr();
        return q.t();
    }
}
