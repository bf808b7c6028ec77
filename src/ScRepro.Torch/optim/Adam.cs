using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.optim;

namespace ScRepro.Torch.Modules;

/// <summary>Adam, and with <c>decoupled</c> AdamW, as PyTorch 1.13's _single_tensor_adam / _single_tensor_adamw.</summary>
public class Adam : Optimizer
{
    private readonly bool _decoupled;

    public Adam(IEnumerable<ParamGroup> groups, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize, bool decoupled)
        : base(groups, Defaults(lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupled))
    {
        _decoupled = decoupled;
    }

    // PyTorch 1.13's param_group keys: AdamW lacks Adam's "differentiable" and "fused".
    private static Dictionary<string, object?> Defaults(double lr, double beta1, double beta2, double eps, double weightDecay, bool amsgrad, bool maximize, bool decoupled)
    {
        var d = new Dictionary<string, object?>
        {
            ["lr"] = lr, ["betas"] = new object[] { beta1, beta2 }, ["eps"] = eps, ["weight_decay"] = weightDecay,
            ["amsgrad"] = amsgrad, ["foreach"] = null, ["maximize"] = maximize, ["capturable"] = false,
        };
        if (!decoupled)
        {
            d["differentiable"] = false;
            d["fused"] = false;
        }
        return d;
    }

    protected override void Update(ParamGroup group, Parameter param, Tensor grad, Dictionary<string, object> state)
    {
        var lr = group.LearningRate;
        var (beta1, beta2) = group.Pair("betas");
        var eps = group.Get("eps");
        var weightDecay = group.Get("weight_decay");
        var amsgrad = group.Flag("amsgrad");
        if (group.Flag("maximize")) grad = grad.neg();
        if (state.Count == 0)
        {
            state["step"] = 0L;
            state["exp_avg"] = Keep(zeros_like(param));
            state["exp_avg_sq"] = Keep(zeros_like(param));
            if (amsgrad) state["max_exp_avg_sq"] = Keep(zeros_like(param));
        }
        var step = (long)state["step"] + 1;
        state["step"] = step;
        var expAvg = (Tensor)state["exp_avg"];
        var expAvgSq = (Tensor)state["exp_avg_sq"];

        if (_decoupled) param.mul_(1 - lr * weightDecay);
        else if (weightDecay != 0) grad = grad.add(param, weightDecay);

        expAvg.mul_(beta1).add_(grad, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2 = 1 - Math.Pow(beta2, step);
        var stepSize = lr / biasCorrection1;
        var biasCorrection2Sqrt = Math.Sqrt(biasCorrection2);
        Tensor denom;
        if (amsgrad)
        {
            var max = (Tensor)state["max_exp_avg_sq"];
            using (var m = max.maximum(expAvgSq)) max.copy_(m);
            denom = (max.sqrt() / biasCorrection2Sqrt).add_(eps);
        }
        else denom = (expAvgSq.sqrt() / biasCorrection2Sqrt).add_(eps);
        param.addcdiv_(expAvg, denom, -stepSize);
    }

    // PyTorch keeps "step" as a 0-dim float32 tensor.
    protected override Dictionary<string, object> ExportState(Dictionary<string, object> state)
    {
        var result = new Dictionary<string, object>();
        foreach (var (k, v) in state)
            result[k] = k == "step" ? tensor((float)(long)v).DetachFromDisposeScope() : v;
        return result;
    }

    protected override Dictionary<string, object> ImportState(Dictionary<string, object> state, Parameter param)
    {
        var result = base.ImportState(state, param);
        if (result.TryGetValue("step", out var s))
        {
            if (s is Tensor t) using (t) result["step"] = (long)t.item<double>();
            else result["step"] = Convert.ToInt64(s, System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }
}
