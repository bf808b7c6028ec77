using ScRepro.Torch;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>FAVOR+ attention of one layer; its random projection is the buffer <c>projection_matrix</c> (features × dim_head).</summary>
public sealed class FastAttention : Module
{
    private readonly Tensor projection_matrix;

    public FastAttention(int dimHead, int features) : base(nameof(FastAttention))
    {
        (DimHead, Features) = (dimHead, features);
        projection_matrix = Favor.GaussianOrthogonalRandomMatrix(features, dimHead);
        RegisterComponents();
    }

    public int DimHead { get; }

    public int Features { get; }

    public Tensor ProjectionMatrix => projection_matrix;

    /// <summary>Draws a new matrix into the buffer (in place, so the buffer keeps its device and identity).</summary>
    public void Redraw()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        projection_matrix.copy_(Favor.GaussianOrthogonalRandomMatrix(Features, DimHead).to(projection_matrix.device));
    }

    /// <param name="q">(batch, heads, positions, dim_head), and so k and v.</param>
    public Tensor forward(Tensor q, Tensor k, Tensor v)
    {
        using var scope = NewDisposeScope();
        var qp = Favor.SoftmaxKernel(q, projection_matrix, isQuery: true);
        var kp = Favor.SoftmaxKernel(k, projection_matrix, isQuery: false);
        return Favor.LinearAttention(qp, kp, v).MoveToOuterDisposeScope();
    }
}
