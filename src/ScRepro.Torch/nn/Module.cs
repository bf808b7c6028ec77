using System.Reflection;
using ScRepro.Torch.Modules;

namespace ScRepro.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base of every module: ordered registries of parameters, buffers and submodules, so named_parameters()
        /// and state_dict() come out in declaration order, which is PyTorch's order and the checkpoint's.
        /// </summary>
        public abstract class Module : IDisposable
        {
            private readonly OrderedDictionary<string, Parameter?> _parameters = new();
            private readonly OrderedDictionary<string, (Tensor? tensor, bool persistent)> _buffers = new();
            private readonly OrderedDictionary<string, Module> _modules = new();
            private bool _disposed;

            protected Module(string name) => this.name = name;

            protected Module() => name = GetType().Name;

            /// <summary>The module's type name (for messages).</summary>
            public string name { get; }

            public bool training { get; private set; } = true;

            // ---- registration ----

            public void register_parameter(string name, Parameter? param)
            {
                CheckName(name);
                _parameters[name] = param;
            }

            public void register_buffer(string name, Tensor? tensor, bool persistent = true)
            {
                CheckName(name);
                tensor?.DetachFromDisposeScope();
                _buffers[name] = (tensor, persistent);
            }

            public void register_module(string name, Module submodule)
            {
                CheckName(name);
                _modules[name] = submodule;
            }

            private void CheckName(string name)
            {
                if (string.IsNullOrEmpty(name) || name.Contains('.'))
                    throw new ArgumentException($"module component name '{name}' must be non-empty and contain no '.'");
            }

            /// <summary>
            /// Registers every Parameter, Module and Tensor field (and auto-property) of the concrete type, base classes
            /// first and each class in declaration order; <see cref="ComponentNameAttribute"/> renames one.
            /// </summary>
            protected void RegisterComponents()
            {
                var chain = new List<Type>();
                for (var t = GetType(); t != null && t != typeof(Module); t = t.BaseType) chain.Add(t);
                chain.Reverse();
                foreach (var type in chain)
                {
                    foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        var value = field.GetValue(this);
                        if (value is not (Tensor or Module)) continue;
                        var name = ComponentName(type, field);
                        if (_parameters.ContainsKey(name) || _buffers.ContainsKey(name) || _modules.ContainsKey(name)) continue;
                        switch (value)
                        {
                            case Parameter p: register_parameter(name, p); break;
                            case Module m: register_module(name, m); break;
                            case Tensor t: register_buffer(name, t); break;
                        }
                    }
                }
            }

            private static string ComponentName(Type type, FieldInfo field)
            {
                var attribute = field.GetCustomAttribute<ComponentNameAttribute>();
                var name = field.Name;
                // Auto-property backing field "<weight>k__BackingField": use the property's name and attribute.
                if (name.StartsWith('<') && name.IndexOf('>') is var close and > 1)
                {
                    name = name[1..close];
                    attribute ??= type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                        ?.GetCustomAttribute<ComponentNameAttribute>();
                }
                return attribute is { Name.Length: > 0 } ? attribute.Name : name;
            }

            // ---- traversal ----

            public IEnumerable<(string name, Module module)> named_children() =>
                _modules.Select(kv => (kv.Key, kv.Value));

            public IEnumerable<Module> children() => _modules.Values;

            /// <summary>Every descendant module, depth first, with dotted names (the module itself excluded, as in TorchSharp).</summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                foreach (var (n, m) in _modules)
                {
                    yield return (n, m);
                    foreach (var (sn, sm) in m.named_modules()) yield return ($"{n}.{sn}", sm);
                }
            }

            public IEnumerable<Module> modules() => named_modules().Select(x => x.module);

            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                foreach (var (n, p) in _parameters)
                    if (p is not null) yield return (n, p);
                if (!recurse) yield break;
                foreach (var (mn, m) in _modules)
                    foreach (var (n, p) in m.named_parameters(true)) yield return ($"{mn}.{n}", p);
            }

            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(x => x.parameter);

            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
            {
                foreach (var (n, b) in _buffers)
                    if (b.tensor is not null && (include_nonpersistent || b.persistent)) yield return (n, b.tensor);
                if (!recurse) yield break;
                foreach (var (mn, m) in _modules)
                    foreach (var (n, b) in m.named_buffers(true, include_nonpersistent)) yield return ($"{mn}.{n}", b);
            }

            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(x => x.buffer);

            // ---- state ----

            /// <summary>
            /// Parameters and persistent buffers by dotted name, in PyTorch's order (each module's own parameters,
            /// then its buffers, then its children). The values are the module's own tensors: do not dispose them.
            /// </summary>
            public Dictionary<string, Tensor> state_dict(string prefix = "")
            {
                var result = new Dictionary<string, Tensor>();
                SaveTo(result, prefix);
                return result;
            }

            private void SaveTo(Dictionary<string, Tensor> into, string prefix)
            {
                foreach (var (n, p) in _parameters)
                    if (p is not null) into[prefix + n] = p;
                foreach (var (n, b) in _buffers)
                    if (b.tensor is not null && b.persistent) into[prefix + n] = b.tensor;
                foreach (var (n, m) in _modules) m.SaveTo(into, $"{prefix}{n}.");
            }

            /// <summary>
            /// Copies matching tensors in (shapes must agree). Returns the missing and unexpected keys; with
            /// <paramref name="strict"/> either kind throws, naming them, before anything is copied.
            /// </summary>
            public (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                IReadOnlyDictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                var own = state_dict();
                var skipped = new HashSet<string>(skip ?? []);
                var missing = own.Keys.Where(k => !source.ContainsKey(k) && !skipped.Contains(k)).ToList();
                var unexpected = source.Keys.Where(k => !own.ContainsKey(k)).ToList();
                if (strict && (missing.Count > 0 || unexpected.Count > 0))
                    throw new ArgumentException($"Error(s) in loading state_dict for {name}: " +
                        (missing.Count > 0 ? $"missing key(s): {string.Join(", ", missing.Select(k => $"\"{k}\""))}. " : "") +
                        (unexpected.Count > 0 ? $"unexpected key(s): {string.Join(", ", unexpected.Select(k => $"\"{k}\""))}." : ""));
                foreach (var (key, target) in own)
                {
                    if (skipped.Contains(key) || !source.TryGetValue(key, out var value)) continue;
                    var (ts, vs) = (target.shape, value.shape);
                    if (!ts.SequenceEqual(vs))
                        throw new ArgumentException($"size mismatch for {key}: copying a param with shape [{string.Join(", ", vs)}] from checkpoint, " +
                            $"the shape in current model is [{string.Join(", ", ts)}].");
                    using var _ = no_grad();
                    target.copy_(value);
                }
                return (missing, unexpected);
            }

            // ---- modes and placement ----

            public virtual Module train(bool mode = true)
            {
                training = mode;
                foreach (var m in _modules.Values) m.train(mode);
                return this;
            }

            public Module eval() => train(false);

            /// <summary>Moves (and/or casts floating-point) parameters and buffers in place; Parameter objects keep their identity.</summary>
            public Module to(Device device) => Apply(t => t.to(device));

            public Module to(ScalarType dtype) => Apply(t => t.is_floating_point() ? t.to(dtype) : t.alias());

            public Module to(ScalarType dtype, Device device) => Apply(t => t.is_floating_point() ? t.to(dtype, device) : t.to(device));

            public Module to(string device) => to(new Device(device));

            public Module cpu() => to(CPU);

            public Module cuda(int index = -1) => to(new Device(DeviceType.CUDA, index));

            private Module Apply(Func<Tensor, Tensor> convert)
            {
                using var _ = no_grad();
                foreach (var p in _parameters.Values)
                {
                    if (p is null) continue;
                    using (var data = convert(p)) p.set_(data);
                    if (p.grad is { } g)
                    {
                        using (g)
                        using (var converted = convert(g))
                            p.grad = converted;
                    }
                }
                foreach (var (n, b) in _buffers.ToArray())
                {
                    if (b.tensor is null) continue;
                    using var data = convert(b.tensor);
                    b.tensor.set_(data);
                }
                foreach (var m in _modules.Values) m.Apply(convert);
                return this;
            }

            /// <summary>Clears every parameter's gradient (PyTorch's default set_to_none), or zeroes it.</summary>
            public void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    if (set_to_none) p.grad = null;
                    else if (p.grad is { } g) using (g) g.zero_();
                }
            }

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing)
            {
                if (_disposed || !disposing) return;
                _disposed = true;
                foreach (var p in _parameters.Values) p?.Dispose();
                foreach (var b in _buffers.Values) b.tensor?.Dispose();
                foreach (var m in _modules.Values) m.Dispose();
            }
        }

        /// <summary>A module with one input.</summary>
        public abstract class Module<T, TResult> : Module
        {
            protected Module(string name) : base(name) { }
            protected Module() { }
            public abstract TResult forward(T input);
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module with two inputs.</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            protected Module(string name) : base(name) { }
            protected Module() { }
            public abstract TResult forward(T1 input1, T2 input2);
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }

        /// <summary>A module with three inputs.</summary>
        public abstract class Module<T1, T2, T3, TResult> : Module
        {
            protected Module(string name) : base(name) { }
            protected Module() { }
            public abstract TResult forward(T1 input1, T2 input2, T3 input3);
            public TResult call(T1 input1, T2 input2, T3 input3) => forward(input1, input2, input3);
        }
    }
}
