using System.Text.RegularExpressions;
using Xunit;

namespace ScRepro.Torch.Tests;

/// <summary>torch.__version__ comes from the headers the shim was compiled against; provenance records it.</summary>
public sealed class VersionTests
{
    // Debian's libtorch-dev puts version.h here; the expected value is read from it, not typed in.
    private const string DebianHeader = "/usr/include/torch/csrc/api/include/torch/version.h";

    [Fact]
    public void Should_report_the_version_of_the_libtorch_headers()
    {
        var version = torch.__version__;
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        if (!File.Exists(DebianHeader)) return;
        var text = File.ReadAllText(DebianHeader);
        string Part(string name) => Regex.Match(text, $@"#define TORCH_VERSION_{name} (\d+)").Groups[1].Value;
        Assert.Equal($"{Part("MAJOR")}.{Part("MINOR")}.{Part("PATCH")}", version);
    }
}
