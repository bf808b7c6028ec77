using ScRepro.Pipeline.Stamps;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// Stamps chain through outputs (issue 19 item 1, item 7): a unit keys the content of the upstream files it reads,
/// its stamp records its own outputs' hashes, and a damaged stamp is "no stamp", never a crash.
/// </summary>
public sealed class StampChainTests
{
    // An upstream unit writing <name>/out.txt with the given text.
    private static WorkUnit Producer(RunContext ctx, string name, string text) =>
        new("train", name, Path.Combine(ctx.RunDir, "train", name), new Dictionary<string, string> { ["x"] = "1" }, ["out.txt"],
            tmp => File.WriteAllText(Path.Combine(tmp, "out.txt"), text), ctx.RunDir);

    // A downstream unit reading <upstream>/out.txt and copying it (what an evaluation does with predictions).
    private static WorkUnit Consumer(RunContext ctx, string upstream, List<string> log) =>
        new("evaluate", upstream, Path.Combine(ctx.RunDir, "eval", upstream), new Dictionary<string, string>(), ["copy.txt"], tmp =>
        {
            log.Add(upstream);
            File.Copy(Path.Combine(ctx.RunDir, "train", upstream, "out.txt"), Path.Combine(tmp, "copy.txt"));
        }, ctx.RunDir, Consumes: new Dictionary<string, string> { ["train:out.txt"] = Path.Combine(ctx.RunDir, "train", upstream, "out.txt") });

    [Fact]
    public void Should_rerun_exactly_the_consumers_of_an_upstream_output_that_changed()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        var log = new List<string>();
        StageRunner.Execute(ctx, "train", [Producer(ctx, "a", "A1"), Producer(ctx, "b", "B1")]);
        StageRunner.Execute(ctx, "evaluate", [Consumer(ctx, "a", log), Consumer(ctx, "b", log)]);
        Assert.Null(StageRunner.Status(ctx, [Consumer(ctx, "a", log), Consumer(ctx, "b", log)]));

        // A retrain that made a different model (same inputs, e.g. a wall-clock stop): the train stamp key is the
        // same, so only the content hash can tell the evaluation that it describes another model.
        StageRunner.Execute(PipelineFixture.Context(dir, force: true), "train", [Producer(ctx, "a", "A2")]);
        Assert.Equal("a: changed: consumes:train:out.txt", StageRunner.Status(ctx, [Consumer(ctx, "a", log), Consumer(ctx, "b", log)]));
        Assert.Null(StageRunner.Status(ctx, [Consumer(ctx, "b", log)]));
        log.Clear();
        Assert.Equal(1, StageRunner.Execute(ctx, "evaluate", [Consumer(ctx, "a", log), Consumer(ctx, "b", log)]));
        Assert.Equal(["a"], log);
        Assert.Equal("A2", File.ReadAllText(Path.Combine(ctx.RunDir, "eval", "a", "copy.txt")));
    }

    [Fact]
    public void Should_treat_an_output_replaced_by_hand_as_stale()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        StageRunner.Execute(ctx, "train", [Producer(ctx, "a", "A1")]);
        var stamp = StampStore.Read(Path.Combine(ctx.RunDir, "train", "a"))!;
        // The stamp records the output's sha256 (sha256("A1"), as `printf A1 | sha256sum` prints it).
        Assert.Equal("16a36e86f6fed5d465ff332511a0ce1a863b55d364b25a7cdaa25db19abf9648", stamp.Outputs!["out.txt"]);
        File.WriteAllText(Path.Combine(ctx.RunDir, "train", "a", "out.txt"), "forged");
        Assert.Equal("a: output out.txt differs from the one its stamp records", StageRunner.Status(ctx, [Producer(ctx, "a", "A1")]));
    }

    [Fact]
    public void Should_key_the_software_versions_in_code_sensitive_stamps_only()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        var stamp = StageRunner.StampFor(Producer(ctx, "a", "A1"), ctx);
        Assert.Equal(Environment.Version.ToString(), stamp.Inputs["env:dotnet"]);
        Assert.True(stamp.Inputs.ContainsKey("env:screpro"));
        var download = Producer(ctx, "a", "A1") with { CodeSensitive = false };
        Assert.False(StageRunner.StampFor(download, ctx).Inputs.ContainsKey("env:dotnet"));
    }

    [Theory]
    [InlineData("{}", "lacks required fields")]
    [InlineData("null", "lacks required fields")]
    [InlineData("{\"stage\": \"train\", \"unit\": \"a\", \"inputs\": {\"x\": null}, \"key\": \"k\", \"code_state\": \"c\"}", "lacks required fields")]
    [InlineData("{\"stage\": ", "is unreadable")]
    [InlineData("[1, 2]", "is unreadable")]
    public void Should_read_a_damaged_stamp_as_no_stamp_naming_its_path(string text, string why)
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        StageRunner.Execute(ctx, "train", [Producer(ctx, "a", "A1")]);
        var path = Path.Combine(ctx.RunDir, "train", "a", StampStore.FileName);
        File.WriteAllText(path, text);
        var status = StageRunner.Status(ctx, [Producer(ctx, "a", "A1")]);
        Assert.StartsWith($"a: no stamp ({path} {why}", status);
        Assert.Equal(1, StageRunner.Execute(ctx, "train", [Producer(ctx, "a", "A1")]));
        Assert.Null(StageRunner.Status(ctx, [Producer(ctx, "a", "A1")]));
    }

    [Fact]
    public void Should_say_which_consumed_file_is_missing()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        var e = Assert.Throws<UpstreamMissingException>(() => StageRunner.Status(ctx, [Consumer(ctx, "a", [])]));
        Assert.Contains("train/a/out.txt, which is missing", e.Message);
    }

    [Fact]
    public void Should_remove_a_temporary_folder_a_killed_run_left_behind()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        // What a SIGKILLed process 999999 leaves: <unit>.tmp-<pid>/ with half its outputs.
        var abandoned = Path.Combine(ctx.RunDir, "train", "a.tmp-999999");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "out.txt"), "half");
        StageRunner.Execute(ctx, "train", [Producer(ctx, "a", "A1")]);
        Assert.False(Directory.Exists(abandoned));
        Assert.Equal(["a"], Directory.GetDirectories(Path.Combine(ctx.RunDir, "train")).Select(Path.GetFileName));
    }
}
