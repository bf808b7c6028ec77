using ScRepro.Torch.Modules;

namespace ScRepro.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Base of the optimizers: parameter groups with PyTorch's hyper-parameter keys, per-parameter state, and
        /// state_dict()/load_state_dict() in PyTorch's layout ({"state": {index: {...}}, "param_groups": [{..., "params": [index…]}]}).
        /// The update rules are written in C# over libtorch's in-place ops in the order of PyTorch 1.13's single-tensor
        /// implementations, so steps agree with PyTorch's to float rounding.
        /// </summary>
        public abstract class Optimizer
        {
            private readonly Dictionary<Parameter, Dictionary<string, object>> _state = new(ReferenceEqualityComparer.Instance);

            protected Optimizer(IEnumerable<ParamGroup> groups, IReadOnlyDictionary<string, object?> defaults)
            {
                this.defaults = defaults;
                foreach (var g in groups) add_param_group(g);
                if (param_groups.Count == 0) throw new ArgumentException("optimizer got an empty parameter list");
            }

            /// <summary>Hyper-parameter defaults, PyTorch's keys.</summary>
            public IReadOnlyDictionary<string, object?> defaults { get; }

            public List<ParamGroup> param_groups { get; } = new();

            /// <summary>TorchSharp's name for <see cref="param_groups"/>.</summary>
            public IList<ParamGroup> ParamGroups => param_groups;

            public void add_param_group(ParamGroup group)
            {
                foreach (var (k, v) in defaults)
                    if (!group.options.ContainsKey(k)) group.options[k] = v;
                group.options.TryAdd("initial_lr", group.options["lr"]);
                var seen = param_groups.SelectMany(g => g.parameters).ToHashSet(ReferenceEqualityComparer.Instance);
                if (group.parameters.Any(p => seen.Contains(p))) throw new ArgumentException("some parameters appear in more than one parameter group");
                param_groups.Add(group);
            }

            /// <summary>Per-parameter state (exp_avg, momentum_buffer, step, …), created on the first step.</summary>
            protected Dictionary<string, object> StateOf(Parameter p)
            {
                if (!_state.TryGetValue(p, out var s)) _state[p] = s = new Dictionary<string, object>();
                return s;
            }

            public void zero_grad(bool set_to_none = true)
            {
                foreach (var p in param_groups.SelectMany(g => g.parameters))
                {
                    if (set_to_none) p.grad = null;
                    else if (p.grad is { } g) using (g) g.zero_();
                }
            }

            /// <summary>One update of every parameter that has a gradient; returns the closure's loss when one is given.</summary>
            public Tensor? step(Func<Tensor>? closure = null)
            {
                Tensor? loss = null;
                if (closure is not null)
                    using (enable_grad()) loss = closure();
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                foreach (var group in param_groups)
                    foreach (var p in group.parameters)
                    {
                        var grad = p.grad;
                        if (grad is null) continue;
                        Update(group, p, grad, StateOf(p));
                    }
                return loss;
            }

            /// <summary>Updates one parameter in place (grad mode off, inside a dispose scope).</summary>
            protected abstract void Update(ParamGroup group, Parameter param, Tensor grad, Dictionary<string, object> state);

            /// <summary>
            /// PyTorch's layout. Tensors in "state" are this optimizer's own (not copies); tuples such as betas are
            /// object[]; "params" are the parameters' indices in group order.
            /// </summary>
            public OptimizerStateDict state_dict()
            {
                var state = new SortedDictionary<long, Dictionary<string, object>>();
                var groups = new List<Dictionary<string, object?>>();
                long index = 0;
                foreach (var g in param_groups)
                {
                    var entry = new Dictionary<string, object?>();
                    foreach (var (k, v) in g.options)
                        if (k != "initial_lr" || HasScheduler) entry[k] = v;
                    var ids = new List<object>();
                    foreach (var p in g.parameters)
                    {
                        if (_state.TryGetValue(p, out var s) && s.Count > 0) state[index] = ExportState(s);
                        ids.Add(index++);
                    }
                    entry["params"] = ids;
                    groups.Add(entry);
                }
                return new OptimizerStateDict(state, groups);
            }

            /// <summary>Restores state and hyper-parameters saved by <see cref="state_dict"/> (or by PyTorch, read by the checkpoint reader).</summary>
            public void load_state_dict(OptimizerStateDict source)
            {
                if (source.param_groups.Count != param_groups.Count)
                    throw new ArgumentException($"loaded state dict has {source.param_groups.Count} parameter groups, the optimizer has {param_groups.Count}");
                long index = 0;
                for (var i = 0; i < param_groups.Count; i++)
                {
                    var g = param_groups[i];
                    var saved = source.param_groups[i];
                    var ids = saved.TryGetValue("params", out var p) && p is IList<object> l ? l : [];
                    if (ids.Count != g.parameters.Count)
                        throw new ArgumentException($"loaded state dict's group {i} has {ids.Count} parameters, the optimizer's has {g.parameters.Count}");
                    foreach (var (k, v) in saved)
                        if (k != "params" && v is not null) g.options[k] = v;
                    for (var j = 0; j < g.parameters.Count; j++, index++)
                    {
                        var param = g.parameters[j];
                        var id = Convert.ToInt64(ids[j], System.Globalization.CultureInfo.InvariantCulture);
                        _state.Remove(param);
                        if (source.state.TryGetValue(id, out var s)) _state[param] = ImportState(s, param);
                    }
                }
            }

            internal bool HasScheduler { get; set; }

            /// <summary>Turns internal state into PyTorch's (e.g. the step count as a 0-dim float tensor).</summary>
            protected virtual Dictionary<string, object> ExportState(Dictionary<string, object> state) => new(state);

            /// <summary>Copies loaded state onto this parameter's device and dtype.</summary>
            protected virtual Dictionary<string, object> ImportState(Dictionary<string, object> state, Parameter param)
            {
                var result = new Dictionary<string, object>();
                foreach (var (k, v) in state)
                {
                    if (v is Tensor t)
                    {
                        // PyTorch casts floating state to the parameter's dtype, except "step".
                        var converted = k == "step" ? t.to(param.device) : t.is_floating_point() ? t.to(param.dtype, param.device) : t.to(param.device);
                        result[k] = converted.DetachFromDisposeScope();
                    }
                    else result[k] = v;
                }
                return result;
            }

            /// <summary>Adds a long-lived state tensor (kept out of the step's dispose scope).</summary>
            protected static Tensor Keep(Tensor t) => t.DetachFromDisposeScope();
        }

        /// <summary>An optimizer's state in PyTorch's layout.</summary>
        public sealed record OptimizerStateDict(
            IDictionary<long, Dictionary<string, object>> state,
            IList<Dictionary<string, object?>> param_groups);

        /// <summary>Parameters that share hyper-parameters (PyTorch's keys: "lr", "betas", "weight_decay", …).</summary>
        public sealed class ParamGroup
        {
            public ParamGroup(IEnumerable<Parameter> parameters, double? lr = null, IDictionary<string, object?>? options = null)
            {
                this.parameters = parameters.ToList();
                this.options = options is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(options);
                if (lr is { } l) this.options["lr"] = l;
            }

            public List<Parameter> parameters { get; }

            public Dictionary<string, object?> options { get; }

            /// <summary>The group's current learning rate (what schedulers change).</summary>
            public double LearningRate
            {
                get => Convert.ToDouble(options["lr"], System.Globalization.CultureInfo.InvariantCulture);
                set => options["lr"] = value;
            }

            public double InitialLearningRate
            {
                get => Convert.ToDouble(options["initial_lr"], System.Globalization.CultureInfo.InvariantCulture);
                set => options["initial_lr"] = value;
            }

            internal double Get(string key) => Convert.ToDouble(options[key], System.Globalization.CultureInfo.InvariantCulture);

            internal bool Flag(string key) => options.TryGetValue(key, out var v) && v is true;

            internal (double, double) Pair(string key) => options[key] switch
            {
                object[] { Length: 2 } a => (Convert.ToDouble(a[0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(a[1], System.Globalization.CultureInfo.InvariantCulture)),
                (double a, double b) => (a, b),
                var other => throw new ArgumentException($"optimizer option '{key}' must be a pair, not {other}"),
            };
        }
    }
}
