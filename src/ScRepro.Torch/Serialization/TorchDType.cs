namespace ScRepro.Torch.Serialization;

/// <summary>Element types a checkpoint can hold; names follow torch (<c>torch.float32</c> → "float32").</summary>
public enum TorchDType
{
    Float32,
    Float16,
    BFloat16,
    Float64,
    Int64,
    Int32,
    Int16,
    Int8,
    UInt8,
    Bool,
}
