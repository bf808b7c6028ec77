using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.optim;

namespace ScRepro.Torch.Modules;

/// <summary>SGD with momentum, dampening, Nesterov and weight decay, as PyTorch 1.13's _single_tensor_sgd.</summary>
public sealed class SGD : Optimizer
{
    public SGD(IEnumerable<ParamGroup> groups, double lr, double momentum, double dampening, double weight_decay, bool nesterov, bool maximize)
        : base(groups, new Dictionary<string, object?>
        {
            ["lr"] = lr, ["momentum"] = momentum, ["dampening"] = dampening, ["weight_decay"] = weight_decay,
            ["nesterov"] = nesterov, ["maximize"] = maximize, ["foreach"] = null, ["differentiable"] = false,
        })
    {
        if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
    }

    protected override void Update(ParamGroup group, Parameter param, Tensor grad, Dictionary<string, object> state)
    {
        var lr = group.LearningRate;
        var momentum = group.Get("momentum");
        var dampening = group.Get("dampening");
        var weightDecay = group.Get("weight_decay");
        var d = group.Flag("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) d = d.add(param, weightDecay);
        if (momentum != 0)
        {
            if (!state.TryGetValue("momentum_buffer", out var b))
            {
                b = Keep(d.clone().detach());
                state["momentum_buffer"] = b;
            }
            else ((Tensor)b).mul_(momentum).add_(d, 1 - dampening);
            var buf = (Tensor)b;
            d = group.Flag("nesterov") ? d.add(buf, momentum) : buf;
        }
        param.add_(d, -lr);
    }
}
