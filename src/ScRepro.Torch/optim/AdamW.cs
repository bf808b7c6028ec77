using static ScRepro.Torch.torch.optim;

namespace ScRepro.Torch.Modules;

/// <summary>Adam with decoupled weight decay (PyTorch's AdamW; default weight_decay 1e-2).</summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<ParamGroup> groups, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize)
        : base(groups, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupled: true) { }
}
