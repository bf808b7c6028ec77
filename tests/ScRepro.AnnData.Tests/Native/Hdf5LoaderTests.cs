using System.Diagnostics;
using ScRepro.Hdf5;
using ScRepro.Testing;

namespace ScRepro.AnnData.Tests.Native;

/// <summary>How libhdf5 is found: the candidate names per system, the override, and what is reported as loaded.</summary>
public sealed class Hdf5LoaderTests
{
    private const string DebianLib = "/usr/lib/x86_64-linux-gnu/libhdf5_serial.so.103";

    [Fact]
    public void Should_try_debian_then_fedora_then_homebrew_then_conda_names_on_linux()
    {
        var env = new Dictionary<string, string> { ["CONDA_PREFIX"] = "/opt/conda/envs/sc" };
        var candidates = Hdf5Candidates.For(env.GetValueOrDefault, macOS: false);

        Assert.Equal(
            ["libhdf5_serial.so.103", "libhdf5_serial.so.310", "libhdf5.so.103", "libhdf5.so.200", "libhdf5.so.310",
             "/home/linuxbrew/.linuxbrew/lib/libhdf5.so", "/opt/conda/envs/sc/lib/libhdf5.so", "libhdf5.so"],
            candidates.Select(c => c.NameOrPath));
        Assert.Equal(["Debian/Ubuntu", "Debian/Ubuntu", "Fedora", "Fedora", "Fedora", "Homebrew", "conda", "system"],
            candidates.Select(c => c.Source));
    }

    [Fact]
    public void Should_try_homebrew_prefixes_then_conda_on_macos_and_skip_conda_without_a_prefix()
    {
        var candidates = Hdf5Candidates.For(_ => null, macOS: true);
        Assert.Equal(["/opt/homebrew/lib/libhdf5.dylib", "/usr/local/lib/libhdf5.dylib", "libhdf5.dylib"],
            candidates.Select(c => c.NameOrPath));
    }

    [Fact]
    public void Should_try_only_the_override_when_it_is_set()
    {
        var env = new Dictionary<string, string> { [Hdf5Candidates.OverrideVariable] = "/x/libhdf5.so.310", ["CONDA_PREFIX"] = "/c" };
        var candidate = Assert.Single(Hdf5Candidates.For(env.GetValueOrDefault, macOS: false));
        Assert.Equal(new Hdf5Candidate("/x/libhdf5.so.310", "SCREPRO_HDF5_LIBRARY"), candidate);
    }

    [Fact]
    public void Should_skip_a_missing_file_and_a_library_that_is_not_hdf5_and_load_the_next()
    {
        if (!File.Exists(DebianLib)) return;   // the real library this test loads last (Debian/Ubuntu x86-64)
        using var dir = TestPaths.NewTempDir();
        var notALibrary = dir.File("libhdf5.so");
        File.WriteAllText(notALibrary, "not an ELF file\n");

        var (_, info) = Hdf5Loader.Load([
            new(dir.File("missing.so"), "test"),
            new(notALibrary, "test"),
            new("libz.so.1", "test"),         // loads, but has no H5get_libversion
            new(DebianLib, "Debian/Ubuntu"),
        ]);

        Assert.Equal(DebianLib, info.Candidate.NameOrPath);
        Assert.Equal(RealPath(DebianLib), info.Path);
    }

    [Fact]
    public void Should_name_every_candidate_and_why_when_none_loads()
    {
        using var dir = TestPaths.NewTempDir();
        var e = Assert.Throws<Hdf5Exception>(() => Hdf5Loader.Load([new(dir.File("missing.so"), "Fedora"), new("libz.so.1", "conda")]));
        Assert.Contains("no libhdf5 1.10–1.14 found", e.Message);
        Assert.Contains($"{dir.File("missing.so")} (Fedora): not found or not loadable", e.Message);
        Assert.Contains("libz.so.1 (conda): not libhdf5 (no H5get_libversion)", e.Message);
        Assert.Contains("SCREPRO_HDF5_LIBRARY", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Should_say_the_override_is_unusable_rather_than_fall_back()
    {
        var e = Assert.Throws<Hdf5Exception>(() => Hdf5Loader.Load([new("/nowhere/libhdf5.so", Hdf5Candidates.OverrideVariable)]));
        Assert.StartsWith("SCREPRO_HDF5_LIBRARY names a library that cannot be used; tried: /nowhere/libhdf5.so", e.Message);
    }

    [Fact]
    public void Should_report_the_version_and_file_it_loaded()
    {
        var info = Hdf5Loader.Current;
        Assert.Matches(@"^1\.1[0-4]\.\d+$", info.Version);
        Assert.True(File.Exists(info.Path), info.Path);
        Assert.Equal($"HDF5 {info.Version} ({info.Path}; {info.Candidate.Source})", info.Describe());
        if (!File.Exists(DebianLib) || Environment.GetEnvironmentVariable(Hdf5Candidates.OverrideVariable) is { Length: > 0 }) return;

        // Oracle on Debian: the package's upstream version (dpkg says e.g. 1.10.8+repack1-1) and the soname's target.
        Assert.Equal("Debian/Ubuntu", info.Candidate.Source);
        Assert.Equal(RealPath(DebianLib), info.Path);
        var dpkg = Run("dpkg-query", "-W", "-f", "${Version}", "libhdf5-103-1");
        if (dpkg is not null) Assert.Equal(dpkg.Split('+', '-')[0], info.Version);
    }

    private static string RealPath(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static string? Run(string file, params string[] args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
