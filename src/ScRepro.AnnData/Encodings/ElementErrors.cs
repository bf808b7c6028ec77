using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>Errors that name the file and the element's path in it (anndata's report_read_key_on_error).</summary>
internal static class ElementErrors
{
    public static Hdf5Exception Bad(H5Object element, string message) => new(element.FilePath, element.Path, message);

    public static Hdf5Exception Bad(H5Object parent, string key, string message) =>
        new(parent.FilePath, parent.Path == "/" ? "/" + key : parent.Path + "/" + key, message);
}
