namespace ScRepro.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Weight initialisers (torch.nn.init), the same arithmetic and the same generator calls as PyTorch's,
        /// so a seeded model starts from PyTorch's exact weights.
        /// </summary>
        public static class init
        {
            public enum FanInOut { FanIn, FanOut }

            public static double calculate_gain(string nonlinearity, double param = 0.01) => nonlinearity switch
            {
                "linear" or "sigmoid" or "conv1d" or "conv2d" or "conv3d" => 1.0,
                "tanh" => 5.0 / 3,
                "relu" => Math.Sqrt(2.0),
                "leaky_relu" => Math.Sqrt(2.0 / (1 + param * param)),
                "selu" => 3.0 / 4,
                _ => throw new ArgumentException($"unsupported nonlinearity {nonlinearity}"),
            };

            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor t)
            {
                var s = t.shape;
                if (s.Length < 2) throw new ArgumentException("fan in and fan out need a tensor with at least 2 dimensions");
                long receptive = 1;
                for (var i = 2; i < s.Length; i++) receptive *= s[i];
                return (s[1] * receptive, s[0] * receptive);
            }

            public static Tensor uniform_(Tensor t, double a = 0, double b = 1) { using (no_grad()) return t.uniform_(a, b); }
            public static Tensor normal_(Tensor t, double mean = 0, double std = 1) { using (no_grad()) return t.normal_(mean, std); }
            public static Tensor constant_(Tensor t, double value) { using (no_grad()) return t.fill_(value); }
            public static Tensor zeros_(Tensor t) { using (no_grad()) return t.zero_(); }
            public static Tensor ones_(Tensor t) { using (no_grad()) return t.fill_(1); }

            public static Tensor xavier_uniform_(Tensor t, double gain = 1)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(t);
                var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                var a = Math.Sqrt(3.0) * std;
                return uniform_(t, -a, a);
            }

            public static Tensor xavier_normal_(Tensor t, double gain = 1)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(t);
                return normal_(t, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
            }

            public static Tensor kaiming_uniform_(Tensor t, double a = 0, FanInOut mode = FanInOut.FanIn, string nonlinearity = "leaky_relu")
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(t);
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(mode == FanInOut.FanIn ? fanIn : fanOut);
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(t, -bound, bound);
            }

            public static Tensor kaiming_normal_(Tensor t, double a = 0, FanInOut mode = FanInOut.FanIn, string nonlinearity = "leaky_relu")
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(t);
                return normal_(t, 0, calculate_gain(nonlinearity, a) / Math.Sqrt(mode == FanInOut.FanIn ? fanIn : fanOut));
            }
        }
    }
}
