using ScRepro.Pickle;
using ScRepro.Torch.Serialization.Pickle;

namespace ScRepro.Torch.Serialization;

/// <summary>Parses torch.save's persistent id <c>('storage', StorageClass, key, location, numel[, view_metadata])</c>.</summary>
internal static class StoragePersistentId
{
    public sealed record Parsed(TorchDType DType, string Key, string Location, long ElementCount);

    public static Parsed Parse(object?[] pid)
    {
        if (pid.Length < 5 || pid[0] is not "storage")
        {
            throw new PickleFormatException($"persistent id is not a ('storage', …) tuple of 5 or 6 items");
        }
        if (pid[1] is not PickleGlobal g || !TorchAllowList.IsStorageClass(g.Module, g.Name, out var dtype))
        {
            throw new PickleFormatException("persistent id does not name a storage class");
        }
        if (pid[2] is not string key || pid[3] is not string location || pid[4] is not long numel || numel < 0)
        {
            throw new PickleFormatException("persistent id needs (key: str, location: str, numel: int)");
        }
        // Legacy files of torch < 0.4 could pickle a view of a storage here; torch.save has not written one since.
        if (pid.Length > 5 && pid[5] is not null)
        {
            throw new PickleFormatException($"storage {key} is a storage view (view_metadata), which torch stopped writing in 0.4");
        }
        return new Parsed(dtype, key, location, numel);
    }
}
