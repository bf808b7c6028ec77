using static ScRepro.Torch.torch;

namespace ScRepro.Torch;

/// <summary>
/// Owns every tensor created on this thread while it is the innermost scope; disposing the scope disposes them.
/// Results to keep are moved out with <see cref="Tensor.MoveToOuterDisposeScope"/> or <see cref="MoveToOuter{T}"/>.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    private readonly HashSet<Tensor> _tensors = new(ReferenceEqualityComparer.Instance);

    internal DisposeScope(DisposeScope? outer) => Outer = outer;

    /// <summary>The enclosing scope (null at the outermost level).</summary>
    public DisposeScope? Outer { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>Tensors currently owned by this scope.</summary>
    public int Count => _tensors.Count;

    internal void Add(Tensor t)
    {
        _tensors.Add(t);
        t.OwningScope = this;
    }

    internal void Remove(Tensor t)
    {
        _tensors.Remove(t);
        t.OwningScope = null;
    }

    /// <summary>Hands the tensor to the enclosing scope (or to nobody) so it outlives this one.</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        if (tensor.OwningScope != this) return tensor;
        Remove(tensor);
        Outer?.Add(tensor);
        return tensor;
    }

    /// <summary>Moves several tensors to the enclosing scope.</summary>
    public void MoveToOuter(IEnumerable<Tensor> tensors)
    {
        foreach (var t in tensors) MoveToOuter(t);
    }

    /// <summary>Removes the tensor from every scope; its lifetime is the caller's from now on.</summary>
    public T Detach<T>(T tensor) where T : Tensor
    {
        tensor.OwningScope?.Remove(tensor);
        return tensor;
    }

    /// <summary>Disposes every tensor the scope still owns.</summary>
    public void DisposeEverything()
    {
        var owned = _tensors.ToArray();
        _tensors.Clear();
        foreach (var t in owned) t.Dispose();
    }

    public void Dispose()
    {
        if (IsDisposed) return;
        DisposeEverything();
        IsDisposed = true;
        DisposeScopeManager.Pop(this);
    }
}
