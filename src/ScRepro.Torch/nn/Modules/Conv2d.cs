using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>2-D convolution over (N, C_in, H, W), initialised as PyTorch does (kaiming_uniform_(a=√5), bias U(±1/√fan_in)).</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    public Parameter weight;
    public Parameter? bias;

    public Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
        (long, long)? dilation = null, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Conv2d))
    {
        if (in_channels % groups != 0 || out_channels % groups != 0)
            throw new ArgumentException($"in_channels ({in_channels}) and out_channels ({out_channels}) must be divisible by groups ({groups})");
        (this.stride, this.padding, this.dilation, this.groups) = (stride ?? (1, 1), padding ?? (0, 0), dilation ?? (1, 1), groups);
        weight = new Parameter(empty([out_channels, in_channels / groups, kernel_size.Item1, kernel_size.Item2], dtype, device));
        if (bias) this.bias = new Parameter(empty([out_channels], dtype, device));
        init.kaiming_uniform_(weight, Math.Sqrt(5));
        if (this.bias is not null)
        {
            var fanIn = in_channels / groups * kernel_size.Item1 * kernel_size.Item2;
            var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
            init.uniform_(this.bias, -bound, bound);
        }
        RegisterComponents();
    }

    public (long, long) stride { get; }
    public (long, long) padding { get; }
    public (long, long) dilation { get; }
    public long groups { get; }

    public override Tensor forward(Tensor input) => functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
}
