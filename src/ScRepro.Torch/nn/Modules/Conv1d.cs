using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>1-D convolution over (N, C_in, L), initialised as PyTorch does.</summary>
public sealed class Conv1d : Module<Tensor, Tensor>
{
    public Parameter weight;
    public Parameter? bias;

    public Conv1d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, long groups = 1,
        bool bias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Conv1d))
    {
        if (in_channels % groups != 0 || out_channels % groups != 0)
            throw new ArgumentException($"in_channels ({in_channels}) and out_channels ({out_channels}) must be divisible by groups ({groups})");
        (this.stride, this.padding, this.dilation, this.groups) = (stride, padding, dilation, groups);
        weight = new Parameter(empty([out_channels, in_channels / groups, kernel_size], dtype, device));
        if (bias) this.bias = new Parameter(empty([out_channels], dtype, device));
        init.kaiming_uniform_(weight, Math.Sqrt(5));
        if (this.bias is not null)
        {
            var fanIn = in_channels / groups * kernel_size;
            var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            init.uniform_(this.bias, -bound, bound);
        }
        RegisterComponents();
    }

    public long stride { get; }
    public long padding { get; }
    public long dilation { get; }
    public long groups { get; }

    public override Tensor forward(Tensor input) => functional.conv1d(input, weight, bias, stride, padding, dilation, groups);
}
