namespace ScRepro.Torch;

/// <summary>A libtorch failure (shape mismatch, bad index, bad dtype, …) carrying libtorch's own message.</summary>
public sealed class TorchException : Exception
{
    public TorchException(string message) : base(message) { }
}
