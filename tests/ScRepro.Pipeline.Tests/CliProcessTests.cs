using System.Diagnostics;
using ScRepro.Cli;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// The CLI as another process sees it (issue 19 items 2 and 7): exit codes with one meaning each, and one run per
/// tree, enforced by a lock the kernel releases when its holder dies.
/// </summary>
[Collection("Sequential")]
public sealed class CliProcessTests
{
    // The CLI beside the tests when its runtimeconfig was copied along, else its own build output (same configuration).
    private static readonly string Screpro = new[]
        {
            AppContext.BaseDirectory,
            Path.Combine(TestPaths.RepoRoot, "src", "ScRepro.Cli", "bin", "Release", "net10.0"),
            Path.Combine(TestPaths.RepoRoot, "src", "ScRepro.Cli", "bin", "Debug", "net10.0"),
        }.Select(d => Path.Combine(d, "screpro.dll")).First(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")));

    private static (int Code, string Stderr) Run(string root, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        psi.ArgumentList.Add(Screpro);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["CI"] = "true";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(120_000), "screpro did not finish in 120 s");
        return (p.ExitCode, stderr.Result);
    }

    [Fact]
    public void Should_exit_10_for_stale_and_2_for_bad_input_never_1()
    {
        using var dir = TestPaths.NewTempDir();
        PipelineFixture.Context(dir); // writes the manifests
        Assert.Equal(ExitCodes.Stale, Run(dir.Path, "status", "--experiment", "e", "--stage", "download").Code);
        var (code, stderr) = Run(dir.Path, "status", "--experiment", "/etc/passwd", "--stage", "download");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--experiment: '/etc/passwd' is not an id", stderr);
    }

    [Fact]
    public void Should_report_an_unexpected_exception_as_an_internal_error_naming_the_command()
    {
        var stderr = new StringWriter();
        var old = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.Equal(ExitCodes.Internal, CommandRunner.Run(() => throw new InvalidOperationException("a bug")));
        }
        finally
        {
            Console.SetError(old);
        }
        Assert.Matches("^internal error in 'screpro[^']*': InvalidOperationException: a bug", stderr.ToString());
    }

    [Fact]
    public void Should_refuse_a_second_run_on_the_same_tree_naming_the_holder()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        using (RunLock.Acquire(dir.Path, "test holder"))
        {
            var (code, stderr) = Run(dir.Path, "download", "--experiment", "e");
            Assert.Equal(ExitCodes.Busy, code);
            Assert.Contains($"another ScRepro run holds this tree (pid {Environment.ProcessId} since", stderr);
            Assert.Contains("test holder", stderr);
            Assert.False(Directory.Exists(Path.Combine(dir.Path, "data")), "the refused run wrote data");
        }
        // Released: the same command now runs (and generates the demo data).
        Assert.Equal(0, Run(dir.Path, "download", "--experiment", "e").Code);
        Assert.True(File.Exists(Path.Combine(dir.Path, "data", "d", "perturbation.h5ad")));
    }

    [Fact]
    public void Should_take_the_lock_back_when_its_holder_is_killed()
    {
        using var dir = TestPaths.NewTempDir();
        var path = RunLock.PathFor(dir.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // flock(1) takes the same flock(2) lock .NET's FileShare.None does; then it is killed, as a crashed run would be.
        var psi = new ProcessStartInfo("flock") { RedirectStandardOutput = true };
        foreach (var a in new[] { "-x", path, "-c", "echo locked; exec sleep 60" }) psi.ArgumentList.Add(a);
        using var holder = Process.Start(psi)!;
        Assert.Equal("locked", holder.StandardOutput.ReadLine());
        var e = Assert.Throws<ScReproException>(() => RunLock.Acquire(dir.Path, "test"));
        Assert.Equal(ExitCodes.Busy, e.ExitCode);
        holder.Kill(entireProcessTree: true);
        holder.WaitForExit();
        using var taken = RunLock.Acquire(dir.Path, "test");
        Assert.True(RunLock.IsHeld(dir.Path));
    }
}
