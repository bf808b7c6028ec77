using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace ScRepro.Core.Provenance;

/// <summary>
/// Binds LibGit2Sharp's native import to the system libgit2.
/// <para>
/// LibGit2Sharp 0.29 imports <c>git2-a2bde63</c> (the libgit2 commit its NativeBinaries package ships) and installs
/// its own DllImport resolver for its assembly in a static constructor, so a second
/// <c>NativeLibrary.SetDllImportResolver</c> on that assembly would throw. When its resolver and the default probing
/// find nothing, the runtime raises <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/>; we answer there with
/// Debian's <c>libgit2.so.1.5</c>. No symlink, no file written at build time, nothing to do after a fresh clone
/// beyond having the <c>libgit2-1.5</c> package installed.
/// </para>
/// <para>
/// ABI: 0.29 is built against libgit2 1.7, Debian has 1.5. The calls GitInfo makes (repository open/discover, head,
/// references, revwalk of one commit, describe, status list) have the same signatures and option-struct layouts in
/// 1.5 and 1.7; GitInfoTests exercises each of them against the git CLI's answers.
/// </para>
/// </summary>
internal static class LibGit2Native
{
    /// <summary>The native library name LibGit2Sharp 0.29.0 asks for (LibGit2Sharp.Core.NativeDllName.Name).</summary>
    public const string ImportName = "git2-a2bde63";

    /// <summary>
    /// Sonames tried in order: 1.7 (what 0.29 targets), 1.6, then Debian 12's 1.5. Older or newer libgit2 releases
    /// changed option structs, so an unversioned libgit2.so is deliberately not tried.
    /// </summary>
    private static readonly string[] Candidates = ["libgit2.so.1.7", "libgit2.so.1.6", "libgit2.so.1.5"];

    private static int _registered;

    /// <summary>Installs the fallback once per process; call before the first LibGit2Sharp call.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        var libGit2Sharp = typeof(LibGit2Sharp.Repository).Assembly;
        var context = AssemblyLoadContext.GetLoadContext(libGit2Sharp) ?? AssemblyLoadContext.Default;
        context.ResolvingUnmanagedDll += (assembly, name) => Resolve(assembly, name, libGit2Sharp);
    }

    private static IntPtr Resolve(Assembly assembly, string name, Assembly libGit2Sharp)
    {
        if (assembly != libGit2Sharp || name != ImportName) return IntPtr.Zero;
        foreach (var candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        return IntPtr.Zero;
    }
}
