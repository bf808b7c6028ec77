using ScRepro.Foundation.Errors;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>
/// Writes any supported value through <see cref="ElementRegistry"/> and stamps its encoding-type/encoding-version in
/// this one place (anndata's write_spec), so no writer can forget them.
/// </summary>
internal static class ElementWriter
{
    public static void Write(H5Group parent, string key, object? value, H5WriteOptions options)
    {
        if (value is null) return; // anndata skips None
        if (key.Contains('/')) throw new ScReproException($"cannot write key '{key}' under {parent.Path}: '/' is not allowed in keys");
        var entry = ElementRegistry.FindWriter(value)
            ?? throw new ScReproException($"cannot write '{key}' under {parent.Path}: unsupported value type {value.GetType().Name}");
        Stamp(entry.Write(parent, key, value, options), entry.SpecFor(value));
    }

    /// <summary>Adds the encoding attributes to a freshly written element and closes it.</summary>
    public static void Stamp(H5Object element, IOSpec spec)
    {
        using (element)
        {
            element.WriteStringAttribute("encoding-type", spec.Type);
            element.WriteStringAttribute("encoding-version", spec.Version);
        }
    }
}
