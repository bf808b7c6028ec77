namespace ScRepro.Torch;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Base of the learning-rate schedulers: step() once per epoch, after optimizer.step().</summary>
            public abstract class LRScheduler
            {
                protected LRScheduler(Optimizer optimizer, int last_epoch)
                {
                    this.optimizer = optimizer;
                    optimizer.HasScheduler = true;
                    if (last_epoch == -1)
                        foreach (var g in optimizer.param_groups) g.InitialLearningRate = g.LearningRate;
                    this.last_epoch = last_epoch;
                    // PyTorch's constructor takes the first step (epoch -1 → 0).
                    step();
                }

                public Optimizer optimizer { get; }

                public int last_epoch { get; private set; }

                public void step()
                {
                    last_epoch++;
                    var lrs = get_lr();
                    for (var i = 0; i < lrs.Count; i++) optimizer.param_groups[i].LearningRate = lrs[i];
                }

                /// <summary>The learning rates the last step set, one per group.</summary>
                public IList<double> get_last_lr() => optimizer.param_groups.Select(g => g.LearningRate).ToList();

                /// <summary>The learning rates for <see cref="last_epoch"/>, computed from the current ones (PyTorch's chainable form).</summary>
                protected abstract IList<double> get_lr();

                public Dictionary<string, object> state_dict() => new() { ["last_epoch"] = last_epoch };

                public void load_state_dict(Dictionary<string, object> state) =>
                    last_epoch = Convert.ToInt32(state["last_epoch"], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
