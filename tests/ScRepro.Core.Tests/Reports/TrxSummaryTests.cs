using ScRepro.Core.Reports;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Core.Tests.Reports;

public sealed class TrxSummaryTests
{
    // tables-6-passed.trx is the file `dotnet test --logger trx` wrote for ScRepro.Tables.Tests (6 tests, all passed).
    private static string Real => TestPaths.Fixture("trx", "tables-6-passed.trx");

    [Fact]
    public void Should_sum_the_counters_of_every_trx_file()
    {
        using var dir = TestPaths.NewTempDir();
        File.Copy(Real, Path.Combine(dir.Path, "a.trx"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "sub"));
        // The same file with two failures, one error and three skipped, as a failing project's trx would count them.
        File.WriteAllText(Path.Combine(dir.Path, "sub", "b.trx"), File.ReadAllText(Real)
            .Replace("passed=\"6\" failed=\"0\" error=\"0\"", "passed=\"4\" failed=\"2\" error=\"1\"")
            .Replace("notExecuted=\"0\"", "notExecuted=\"3\""));
        var summary = TrxSummary.Read(dir.Path);
        Assert.Equal(new TrxSummary(2, 10, 3, 3), summary);
        Assert.Equal("Test: 10 passed, 3 failed, 3 skipped", summary.ToString());
        Assert.False(summary.Succeeded);
    }

    [Fact]
    public void Should_not_call_a_run_without_tests_a_success()
    {
        using var dir = TestPaths.NewTempDir();
        Assert.False(TrxSummary.Read(dir.Path).Succeeded);
        File.Copy(Real, Path.Combine(dir.Path, "a.trx"));
        Assert.True(TrxSummary.Read(dir.Path).Succeeded);
    }

    [Fact]
    public void Should_name_a_truncated_file()
    {
        using var dir = TestPaths.NewTempDir();
        var text = File.ReadAllText(Real);
        var path = Path.Combine(dir.Path, "cut.trx");
        File.WriteAllText(path, text[..(text.Length / 2)]);
        var e = Assert.Throws<ScReproException>(() => TrxSummary.Read(dir.Path));
        Assert.StartsWith(path + ":", e.Message);
    }
}
