using System.Reflection;
using System.Runtime.InteropServices;
using ScRepro.Foundation.Native;

namespace ScRepro.Core.Provenance;

/// <summary>The libgit2 that reads provenance: LibGit2Sharp's version, the bundled libgit2's own version and its file.</summary>
public static unsafe class GitLibrary
{
    /// <summary>
    /// e.g. "libgit2 1.8.4 (LibGit2Sharp 0.32.0; …/runtimes/linux-x64/native/libgit2-5853918.so)". The version is
    /// libgit2's git_libgit2_version, asked of the very file LibGit2Sharp loaded.
    /// </summary>
    public static string Describe()
    {
        var managed = typeof(LibGit2Sharp.Repository).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        var plus = managed.IndexOf('+');
        if (plus >= 0) managed = managed[..plus];
        _ = LibGit2Sharp.GlobalSettings.Version.Features;   // loads the native library if nothing has yet
        var file = LoadedLibraries.FilesNamed("libgit2").FirstOrDefault();
        var version = "?";
        if (file is not null && NativeLibrary.TryLoad(file, out var handle))
        {
            if (NativeLibrary.TryGetExport(handle, "git_libgit2_version", out var export))
            {
                int major, minor, rev;
                _ = ((delegate* unmanaged<int*, int*, int*, int>)export)(&major, &minor, &rev);
                version = $"{major}.{minor}.{rev}";
            }
            NativeLibrary.Free(handle);
        }
        return $"libgit2 {version} (LibGit2Sharp {managed}; {file ?? "file unknown"})";
    }
}
