using ScRepro.Foundation.Errors;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>
/// Reads any element by looking up (object kind, IOSpec) in <see cref="ElementRegistry"/>; composite readers
/// (dict, dataframe, categorical) recurse through it (anndata's Reader.read_elem). Every failure names the file and
/// the element's path.
/// </summary>
internal sealed class ElementReader
{
    /// <summary>The element's IOSpec from its encoding-type/encoding-version attributes ("", "" when absent).</summary>
    public IOSpec Spec(H5Object element) =>
        new(element.ReadStringAttribute("encoding-type") ?? "", element.ReadStringAttribute("encoding-version") ?? "");

    public object? Read(H5Group parent, string key)
    {
        if (!parent.Exists(key)) throw ElementErrors.Bad(parent, key, "is missing");
        switch (parent.KindOf(key))
        {
            case H5ObjectKind.Group:
            {
                using var g = parent.OpenGroup(key);
                return Read(g);
            }
            case H5ObjectKind.Dataset:
            {
                using var d = parent.OpenDataset(key);
                return Read(d);
            }
            default:
                throw ElementErrors.Bad(parent, key, "is neither a group nor a dataset");
        }
    }

    public object? Read(H5Object element)
    {
        var kind = element is H5Group ? H5ObjectKind.Group : H5ObjectKind.Dataset;
        var spec = Spec(element);
        var entry = ElementRegistry.FindReader(kind, spec)
            ?? throw ElementErrors.Bad(element, $"unsupported element: {spec} on a {kind.ToString().ToLowerInvariant()}");
        try
        {
            return entry.Read(this, element);
        }
        catch (ScReproException)
        {
            throw;
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IndexOutOfRangeException
                                      or OverflowException or FormatException or KeyNotFoundException)
        {
            throw new Hdf5Exception(element.FilePath, element.Path, $"malformed {spec}: {e.Message}", e);
        }
    }
}
