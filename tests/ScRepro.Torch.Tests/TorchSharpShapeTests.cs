using System.Reflection;
using ScRepro.Testing;

namespace ScRepro.Torch.Tests;

/// <summary>
/// Keeps ScRepro.Torch TorchSharp-shaped, so moving src/ScRepro.Models onto TorchSharp stays a mechanical port (issue
/// 16): every public name under ScRepro.Torch (torch, torch.nn, torch.nn.functional, torch.optim, Tensor, Modules.*)
/// must exist under the same path in TorchSharp 0.107.0, or be one of the deliberate extras listed below with the
/// reason. The TorchSharp list is tests/fixtures/torch/torchsharp_0.107.0_names.txt, read from TorchSharp.dll's
/// metadata by tests/fixtures/torch/scripts/torchsharp_names.cs. (The models' parameter names, the other half of a
/// mechanical port, are PyTorch's: ForwardEqualityTests compares state_dict keys with torch's own listing.)
/// </summary>
public sealed class TorchSharpShapeTests
{
    private static readonly SortedSet<string> TorchSharp =
        new(File.ReadAllLines(TestPaths.Fixture("torch", "torchsharp_0.107.0_names.txt")), StringComparer.Ordinal);

    [Fact]
    public void Should_name_the_core_surface_as_TorchSharp_does()
    {
        // The names the models are written against; each is in TorchSharp under the same path (oracle: the list).
        string[] core =
        [
            "torch.nn.Module", "torch.nn.Module.forward", "torch.nn.Module.state_dict", "torch.nn.Module.load_state_dict",
            "torch.nn.Module.named_parameters", "torch.nn.Module.parameters", "torch.nn.Module.register_module",
            "torch.nn.Module.train", "torch.nn.Module.eval", "torch.nn.Linear", "torch.nn.LayerNorm", "torch.nn.Embedding",
            "torch.nn.functional.cross_entropy", "torch.nn.functional.mse_loss", "torch.optim.Adam", "torch.no_grad",
            "torch.Tensor.softmax", "torch.Tensor.argmax", "Modules.Linear", "Modules.TransformerEncoderLayer",
        ];
        foreach (var name in core)
        {
            Assert.Contains(name, TorchSharp);
            Assert.Contains(name, Ours());
        }
    }

    [Fact]
    public void Should_expose_no_public_name_that_TorchSharp_lacks_beyond_the_listed_extras()
    {
        var missing = Ours().Where(n => !TorchSharp.Contains(n) && !Extras.Contains(n)).ToList();
        Assert.True(missing.Count == 0,
            "ScRepro.Torch names not in TorchSharp 0.107 (rename to TorchSharp's name, or add to Extras with why):\n  "
            + string.Join("\n  ", missing));
    }

    [Fact]
    public void Should_list_no_extra_that_is_gone_or_that_TorchSharp_has_after_all()
    {
        var ours = Ours();
        var stale = Extras.Where(e => !ours.Contains(e) || TorchSharp.Contains(e)).ToList();
        Assert.True(stale.Count == 0, "stale entries in Extras: " + string.Join(", ", stale));
    }

    /// <summary>
    /// Our public names in TorchSharp's notation (see torchsharp_names.cs): namespace ScRepro.Torch dropped. Modules.*
    /// count by type name only: TorchSharp declares a layer's members on shared bases (BatchNorm, Module&lt;T, TResult&gt;)
    /// and builds layers through the torch.nn factories, which are compared. Constructors and the members C# generates
    /// for records are not API a port calls.
    /// </summary>
    private static SortedSet<string> Ours()
    {
        string[] generated = ["<Clone>$", "Deconstruct", "Equals", "GetHashCode", "ToString"];
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(torch).Assembly.GetExportedTypes())
        {
            var path = PathOf(type);
            if (path is null) continue;
            names.Add(path);
            if (path.StartsWith("Modules.", StringComparison.Ordinal)) continue;
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var m in type.GetMethods(flags).Where(m => !m.IsSpecialName && !generated.Contains(m.Name))) names.Add($"{path}.{m.Name}");
            foreach (var p in type.GetProperties(flags)) names.Add($"{path}.{p.Name}");
            foreach (var f in type.GetFields(flags)) names.Add($"{path}.{f.Name}");
        }
        return names;
    }

    private static string? PathOf(Type t)
    {
        static string Clean(string n) => n.IndexOf('`') is var tick and >= 0 ? n[..tick] : n;
        if (t.IsNested) return PathOf(t.DeclaringType!) is { } outer ? outer + "." + Clean(t.Name) : null;
        return t.Namespace switch
        {
            "ScRepro.Torch" => Clean(t.Name),
            "ScRepro.Torch.Modules" => "Modules." + Clean(t.Name),
            _ => null,   // Interop, Serialization (torch.save/load's pickle format): ours, no TorchSharp counterpart
        };
    }

    /// <summary>Public names TorchSharp 0.107 lacks, each on purpose; a port replaces these by hand (README, "Dependencies").</summary>
    private static readonly HashSet<string> Extras = new(StringComparer.Ordinal)
    {
        // Ours, with no TorchSharp counterpart: registration of fields as components, dispose-scope introspection
        // and the tests' leak counter, our error type.
        "ComponentNameAttribute", "ComponentNameAttribute.Name", "DisposeScope.Count", "DisposeScope.IsDisposed",
        "DisposeScope.Outer", "DisposeScopeManager.Current", "torch.LiveTensorHandles", "TorchException",
        // What TorchSharp 0.107 lacks and scGPT needs (issue 16's survey): autocast with fp16 on CUDA.
        "torch.autocast", "torch.is_autocast_enabled",
        // PyTorch's names that TorchSharp spells elsewhere (torch.relu, log_softmax and masked_fill are Tensor methods
        // or torch.nn.functional there) or not at all under torch (set_num_threads, set_grad_enabled, default_dtype).
        "torch.relu", "torch.log_softmax", "torch.masked_fill", "torch.nn.functional.embedding",
        "torch.set_grad_enabled", "torch.set_num_threads", "torch.get_num_threads", "torch.default_dtype", "torch.element_size",
        // Tensor: PyTorch's add_/set_/reshape_as/item; TorchSharp converts with ToSingle() etc. as extension methods.
        "torch.Tensor.add_", "torch.Tensor.set_", "torch.Tensor.reshape_as", "torch.Tensor.Item", "torch.Tensor.ToBoolean",
        "torch.Tensor.ToDouble", "torch.Tensor.ToInt32", "torch.Tensor.ToInt64", "torch.Tensor.ToSingle",
        // Module: TorchSharp has cpu/cuda/to as ModuleExtensionMethods (same call syntax); name is our registry key.
        "torch.nn.Module.cpu", "torch.nn.Module.cuda", "torch.nn.Module.to", "torch.nn.Module.name",
        // Optimiser and scheduler state in PyTorch's format (state_dict/param_groups, so checkpoints resume across
        // torch and ScRepro); TorchSharp keeps its own format (StateDictionary, ParamGroups).
        "torch.optim.Optimizer.add_param_group", "torch.optim.Optimizer.defaults", "torch.optim.Optimizer.load_state_dict",
        "torch.optim.Optimizer.param_groups", "torch.optim.Optimizer.state_dict", "torch.optim.OptimizerStateDict",
        "torch.optim.OptimizerStateDict.param_groups", "torch.optim.OptimizerStateDict.state", "torch.optim.ParamGroup",
        "torch.optim.ParamGroup.InitialLearningRate", "torch.optim.ParamGroup.LearningRate", "torch.optim.ParamGroup.options",
        "torch.optim.ParamGroup.parameters", "torch.optim.lr_scheduler.LRScheduler.get_last_lr",
        "torch.optim.lr_scheduler.LRScheduler.last_epoch", "torch.optim.lr_scheduler.LRScheduler.load_state_dict",
        "torch.optim.lr_scheduler.LRScheduler.optimizer", "torch.optim.lr_scheduler.LRScheduler.state_dict",
        // TorchSharp's StepLR is torch.optim.lr_scheduler.impl.StepLR; ours sits with the other modules.
        "Modules.StepLR",
        // Whether this build's libtorch has the fused attention (2.x: yes, Debian's 1.13: no) and which kernel it would
        // pick: the shim is rebuilt per libtorch, TorchSharp ships one; the GPU bundle reports the kernel.
        "torch.nn.functional.scaled_dot_product_attention_available", "torch.nn.functional.scaled_dot_product_attention_backend",
        // The CUDA caching allocator's peaks for the budget table: TorchSharp 0.107 has no memory statistics
        // (dotnet/TorchSharp#1524, open, adds max_memory_reserved/max_memory_allocated under these names); whether
        // this shim can measure them at all depends on the libtorch it was built against.
        "torch.cuda.max_memory_reserved", "torch.cuda.max_memory_allocated", "torch.cuda.has_allocator_stats",
        // scBERT's FAVOR+ projection draws an orthogonal block by QR (torch.linalg.qr in PyTorch and TorchSharp).
        "torch.Tensor.linalg_qr",
    };
}
