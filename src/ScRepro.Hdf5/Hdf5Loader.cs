using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ScRepro.Foundation.Native;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>
/// Finds libhdf5 for the P/Invoke declarations in <see cref="H5Native"/> (which name the logical library
/// <see cref="H5Native.Lib"/>): the first of <see cref="Hdf5Candidates.ForThisProcess"/> that loads, exports
/// H5get_libversion and reports a version ScRepro's bindings fit (1.10.0 up to, not including, 2.0: hid_t is 64-bit
/// from 1.10 on, and the calls used kept their signatures through 1.14).
/// </summary>
public static unsafe class Hdf5Loader
{
    private static readonly Lazy<(IntPtr Handle, Hdf5LibraryInfo Info)> Loaded =
        new(() => Load(Hdf5Candidates.ForThisProcess()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The library this process uses (loading it on first use); an <see cref="Hdf5Exception"/> lists what was tried.</summary>
    public static Hdf5LibraryInfo Current => Loaded.Value.Info;

    internal static IntPtr Handle => Loaded.Value.Handle;

    /// <summary>Whether the loaded library is 1.12 or later (where some calls are exported under a suffixed name).</summary>
    internal static bool AtLeast112 => Version.Parse(Current.Version) >= new Version(1, 12);

    /// <summary>
    /// Runs when the assembly loads, before any P/Invoke can: the runtime asks this resolver for <see cref="H5Native.Lib"/>
    /// instead of probing that name itself.
    /// </summary>
#pragma warning disable CA2255 // a module initializer is the one hook that is sure to run before the first P/Invoke
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(Hdf5Loader).Assembly,
            (name, _, _) => name == H5Native.Lib ? Handle : IntPtr.Zero);

    /// <summary>Loads the first usable candidate; the others are not tried. Throws naming every candidate and why it failed.</summary>
    public static (IntPtr Handle, Hdf5LibraryInfo Info) Load(IEnumerable<Hdf5Candidate> candidates)
    {
        var failures = new List<string>();
        var list = candidates.ToList();
        foreach (var candidate in list)
        {
            if (!NativeLibrary.TryLoad(candidate.NameOrPath, out var handle))
            {
                failures.Add($"{candidate.NameOrPath} ({candidate.Source}): not found or not loadable");
                continue;
            }
            if (!NativeLibrary.TryGetExport(handle, "H5get_libversion", out var getVersion))
            {
                failures.Add($"{candidate.NameOrPath} ({candidate.Source}): not libhdf5 (no H5get_libversion)");
                NativeLibrary.Free(handle);
                continue;
            }
            uint major, minor, release;
            _ = ((delegate* unmanaged<uint*, uint*, uint*, int>)getVersion)(&major, &minor, &release);
            var version = new Version((int)major, (int)minor, (int)release);
            if (version < new Version(1, 10) || version >= new Version(2, 0))
            {
                failures.Add($"{candidate.NameOrPath} ({candidate.Source}): HDF5 {version}, but ScRepro binds 1.10–1.14");
                NativeLibrary.Free(handle);
                continue;
            }
            var text = version.ToString(3);
            return (handle, new Hdf5LibraryInfo(text, LoadedLibraries.FileContaining(getVersion) ?? candidate.NameOrPath, candidate));
        }
        var how = list.Count == 1 && list[0].Source == Hdf5Candidates.OverrideVariable
            ? $"{Hdf5Candidates.OverrideVariable} names a library that cannot be used"
            : $"no libhdf5 1.10–1.14 found (install Debian's libhdf5-103-1, which build.sh does, or set {Hdf5Candidates.OverrideVariable} to the library's path)";
        throw new Hdf5Exception("", "", $"{how}; tried: {string.Join("; ", failures)}");
    }
}
