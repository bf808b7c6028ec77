namespace ScRepro.Hdf5;

/// <summary>
/// Where libhdf5 1.10–1.14 lives on the systems ScRepro is run on, in the order they are tried. The Debian/Ubuntu
/// library comes first because it is the one the tests and the committed fixtures were made with; a distribution's
/// own library comes before Homebrew's and conda's, which are found only by their prefixes.
/// </summary>
public static class Hdf5Candidates
{
    /// <summary>The environment variable that names the library to load (a path or a soname), and nothing else.</summary>
    public const string OverrideVariable = "SCREPRO_HDF5_LIBRARY";

    /// <summary>
    /// The candidates for an environment (<paramref name="env"/> looks a variable up) on Linux or macOS: only the
    /// override when it is set (a library asked for by name must not be silently replaced by another); otherwise
    /// Debian/Ubuntu's serial build (.103 is HDF5 1.10 in Debian 11–12 and Ubuntu 20.04–24.04, .310 is 1.14 in
    /// Debian 13), Fedora's (/usr/lib64 is searched by default: .103 1.10, .200 1.12, .310 1.14), Homebrew's
    /// (/opt/homebrew on Apple silicon, /usr/local on Intel macs, /home/linuxbrew on Linux), conda's (CONDA_PREFIX),
    /// and last the unversioned development name.
    /// </summary>
    public static IReadOnlyList<Hdf5Candidate> For(Func<string, string?> env, bool macOS)
    {
        if (env(OverrideVariable) is { Length: > 0 } chosen) return [new(chosen, OverrideVariable)];
        var ext = macOS ? "dylib" : "so";
        var list = new List<Hdf5Candidate>();
        if (!macOS)
        {
            list.Add(new("libhdf5_serial.so.103", "Debian/Ubuntu"));
            list.Add(new("libhdf5_serial.so.310", "Debian/Ubuntu"));
            foreach (var soversion in (string[])["103", "200", "310"])
                list.Add(new($"libhdf5.so.{soversion}", "Fedora"));
        }
        foreach (var prefix in macOS ? (string[])["/opt/homebrew", "/usr/local"] : ["/home/linuxbrew/.linuxbrew"])
            list.Add(new($"{prefix}/lib/libhdf5.{ext}", "Homebrew"));
        if (env("CONDA_PREFIX") is { Length: > 0 } conda)
            list.Add(new(Path.Combine(conda, "lib", $"libhdf5.{ext}"), "conda"));
        list.Add(new($"libhdf5.{ext}", "system"));
        return list;
    }

    /// <summary>The candidates for this process's environment and operating system.</summary>
    public static IReadOnlyList<Hdf5Candidate> ForThisProcess() =>
        For(Environment.GetEnvironmentVariable, OperatingSystem.IsMacOS());
}
