using ScRepro.Torch.Modules;

namespace ScRepro.Torch;

public static partial class torch
{
    /// <summary>Optimizer factories with PyTorch's names and defaults.</summary>
    public static partial class optim
    {
        private static IEnumerable<ParamGroup> One(IEnumerable<Parameter> parameters) => [new ParamGroup(parameters)];

        public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(One(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupled: false);

        public static Adam Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupled: false);

        public static AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
            new(One(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        public static AdamW AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        public static SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(One(parameters), learningRate, momentum, dampening, weight_decay, nesterov, maximize);

        public static SGD SGD(IEnumerable<ParamGroup> parameters, double learningRate, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

        public static partial class lr_scheduler
        {
            public static StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) =>
                new(optimizer, step_size, gamma, last_epoch);
        }
    }
}
