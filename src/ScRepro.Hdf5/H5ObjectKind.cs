namespace ScRepro.Hdf5;

/// <summary>What a link in a group points at.</summary>
public enum H5ObjectKind
{
    Group,
    Dataset,
    Other,
}
