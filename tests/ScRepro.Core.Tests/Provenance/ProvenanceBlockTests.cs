using System.Diagnostics;
using System.Text.Json;
using ScRepro.Contracts;
using ScRepro.Foundation.IO;
using ScRepro.Core.Provenance;

namespace ScRepro.Core.Tests.Provenance;

public sealed class ProvenanceBlockTests
{
    [Fact]
    public void Should_capture_git_state_machine_and_run_as_snake_case_json()
    {
        using var repo = new TempRepo();
        repo.Write("a.txt", "1\n");
        repo.Commit("first");
        repo.Write("a.txt", "2\n");

        var block = ProvenanceCapture.Capture(repo.Path, new Dictionary<string, long> { ["train"] = 0, ["split"] = 1 },
            "screpro train --experiment demo", libtorchVersion: null,
            utcTime: new DateTimeOffset(2026, 11, 21, 16, 0, 5, TimeSpan.FromHours(1)));
        var json = Json.Serialize(new { provenance = block });
        using var doc = JsonDocument.Parse(json);
        var p = doc.RootElement.GetProperty("provenance");

        // Keys and order: the list in issue 3 item 6, as ProvenanceBlock declares them.
        Assert.Equal(
            ["commit", "short_commit", "branch", "describe", "dirty", "dirty_paths", "screpro_version", "dotnet_version",
             "libtorch_version", "os", "cpu_model", "threads", "seeds", "utc_time", "command_line"],
            p.EnumerateObject().Select(o => o.Name));
        Assert.Equal(repo.Git("rev-parse", "HEAD"), p.GetProperty("commit").GetString());
        Assert.True(p.GetProperty("dirty").GetBoolean());
        Assert.Equal(["a.txt"], p.GetProperty("dirty_paths").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, p.GetProperty("libtorch_version").ValueKind);
        Assert.Equal(Environment.ProcessorCount, p.GetProperty("threads").GetInt32());
        // Seeds are sorted by name whatever order the caller used, so the JSON is byte-stable.
        Assert.Equal(["split", "train"], p.GetProperty("seeds").EnumerateObject().Select(o => o.Name));
        Assert.Equal("2026-11-21T15:00:05Z", p.GetProperty("utc_time").GetString());
        Assert.Equal("0.1.0", p.GetProperty("screpro_version").GetString());   // <Version> in Directory.Build.props
        Assert.Equal(Environment.Version.ToString(), p.GetProperty("dotnet_version").GetString());
        Assert.Equal("screpro train --experiment demo", p.GetProperty("command_line").GetString());
    }

    [Fact]
    public void Should_take_the_cpu_model_from_proc_cpuinfo()
    {
        if (!File.Exists("/proc/cpuinfo")) return;   // Linux only; elsewhere the architecture is reported
        // Oracle: the shell's first "model name" line, whitespace-squeezed.
        var start = new ProcessStartInfo("sh", ["-c", "grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | tr -s ' ' | sed 's/^ //'"])
            { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var expected = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (expected.Length == 0) return;   // ARM kernels have no "model name"

        using var dir = ScRepro.Testing.TestPaths.NewTempDir();
        var block = ProvenanceCapture.Capture(dir.Path, new Dictionary<string, long>(), "x");
        Assert.Equal(expected, block.CpuModel);
        Assert.Equal("unknown", block.Commit);
    }
}
