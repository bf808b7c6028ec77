namespace ScRepro.Hdf5;

/// <summary>The libhdf5 this process loaded: its version, the file it was loaded from, the candidate that found it.</summary>
public sealed record Hdf5LibraryInfo(string Version, string Path, Hdf5Candidate Candidate)
{
    /// <summary>One line for provenance and `screpro env`, e.g. "HDF5 1.10.8 (/usr/lib/…/libhdf5_serial.so.103.3.1; Debian/Ubuntu)".</summary>
    public string Describe() => $"HDF5 {Version} ({Path}; {Candidate.Source})";
}
