using ScRepro.Torch.Modules;

namespace ScRepro.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static class utils
        {
            /// <summary>Scales gradients so their joint norm is at most <paramref name="max_norm"/>; returns the norm before clipping (PyTorch's arithmetic).</summary>
            public static double clip_grad_norm_(IEnumerable<Parameter> parameters, double max_norm, double norm_type = 2.0)
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var grads = parameters.Select(p => p.grad).Where(g => g is not null).Select(g => g!).ToList();
                if (grads.Count == 0) return 0;
                if (norm_type != 2.0) throw new NotSupportedException("clip_grad_norm_ supports norm_type 2 only");
                var norms = grads.Select(g => g.norm()).ToList();
                var total = stack(norms).norm();
                var coef = (max_norm / (total + 1e-6)).clamp(max: 1.0);
                foreach (var g in grads) g.mul_(coef);
                return total.item<double>();
            }
        }
    }
}
