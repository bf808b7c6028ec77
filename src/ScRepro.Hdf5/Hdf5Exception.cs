using ScRepro.Foundation.Errors;

namespace ScRepro.Hdf5;

/// <summary>
/// A failed HDF5 call or a malformed element, naming the file and the object path inside it
/// (e.g. "/obs/cell_type/codes"), plus HDF5's own innermost message. Bad input: exit code 2.
/// </summary>
public sealed class Hdf5Exception : ScReproException
{
    public Hdf5Exception(string file, string objectPath, string message, Exception? inner = null)
        : base(Compose(file, objectPath, message), 2, inner)
    {
        FilePath = file;
        ObjectPath = objectPath;
    }

    /// <summary>The .h5/.h5ad file.</summary>
    public string FilePath { get; }

    /// <summary>The HDF5 object path inside the file ("/" for the root).</summary>
    public string ObjectPath { get; }

    private static string Compose(string file, string path, string message) =>
        (file, path) switch
        {
            ("", "") => message,
            (_, "") => $"{file}: {message}",
            _ => $"{file}: {path}: {message}",
        };
}
