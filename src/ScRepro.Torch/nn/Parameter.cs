using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Modules;

/// <summary>
/// A trainable tensor owned by a module. As in TorchSharp, constructing one takes over <c>data</c>: the passed
/// tensor's handle is released, and the parameter is a detached leaf outside every dispose scope.
/// </summary>
public class Parameter : Tensor
{
    public Parameter(Tensor data, bool requires_grad = true) : base(Take(data, requires_grad))
    {
        DetachFromDisposeScope();
    }

    private static IntPtr Take(Tensor data, bool requires_grad)
    {
        var leaf = data.detach();
        leaf.requires_grad = requires_grad;
        leaf.DetachFromDisposeScope();
        data.Dispose();
        // Hand the native handle over: a fresh alias owned by the Parameter, then release the wrapper.
        var handle = Interop.NativeMethods.SRTTensor_alias(leaf.Handle);
        leaf.Dispose();
        return handle;
    }
}
