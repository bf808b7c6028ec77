using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>Batch normalisation over (N, C) or (N, C, L) with running statistics, as torch.nn.BatchNorm1d.</summary>
public sealed class BatchNorm1d : Module<Tensor, Tensor>
{
    public Parameter? weight;
    public Parameter? bias;
    public Tensor? running_mean;
    public Tensor? running_var;
    public Tensor? num_batches_tracked;

    public BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
        Device? device = null, ScalarType? dtype = null) : base(nameof(BatchNorm1d))
    {
        this.num_features = num_features;
        this.eps = eps;
        this.momentum = momentum;
        this.track_running_stats = track_running_stats;
        if (affine)
        {
            weight = new Parameter(ones([num_features], dtype, device));
            bias = new Parameter(zeros([num_features], dtype, device));
        }
        if (track_running_stats)
        {
            running_mean = zeros([num_features], dtype, device);
            running_var = ones([num_features], dtype, device);
            num_batches_tracked = zeros([], ScalarType.Int64, device);
        }
        RegisterComponents();
    }

    public long num_features { get; }
    public double eps { get; }
    public double? momentum { get; }
    public bool track_running_stats { get; }

    public override Tensor forward(Tensor input)
    {
        if (input.dim() is not (2 or 3))
            throw new ArgumentException($"BatchNorm1d expected 2D or 3D input (got {input.dim()}D input)");
        var factor = momentum ?? 0.0;
        if (training && track_running_stats && num_batches_tracked is not null)
        {
            using (no_grad()) num_batches_tracked.add_(1);
            // momentum=None means a cumulative moving average, as in PyTorch.
            if (momentum is null) factor = 1.0 / num_batches_tracked.item<long>();
        }
        var useBatchStats = training || running_mean is null;
        return functional.batch_norm(input,
            !training || track_running_stats ? running_mean : null,
            !training || track_running_stats ? running_var : null,
            weight, bias, useBatchStats, factor, eps);
    }
}
