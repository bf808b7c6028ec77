using ScRepro.Pipeline.Stamps;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

public sealed class StageRunnerTests
{
    private static WorkUnit Unit(RunContext ctx, string name, string input, List<string> log, bool fail = false) =>
        new("train", name, Path.Combine(ctx.RunDir, name), new Dictionary<string, string> { ["x"] = input }, ["out.txt"], tmp =>
        {
            log.Add(name);
            File.WriteAllText(Path.Combine(tmp, "out.txt"), input);
            if (fail) throw new InvalidOperationException("boom");
        }, ctx.RunDir);

    [Fact]
    public void Should_run_once_then_skip_while_inputs_are_unchanged()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        var log = new List<string>();
        Assert.Equal(2, StageRunner.Execute(ctx, "train", [Unit(ctx, "a", "1", log), Unit(ctx, "b", "1", log)]));
        Assert.Equal(0, StageRunner.Execute(ctx, "train", [Unit(ctx, "a", "1", log), Unit(ctx, "b", "1", log)]));
        Assert.Equal(["a", "b"], log);
        Assert.Null(StageRunner.Status(ctx, [Unit(ctx, "a", "1", log)]));
    }

    [Fact]
    public void Should_rerun_exactly_the_unit_whose_input_changed()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        var log = new List<string>();
        StageRunner.Execute(ctx, "train", [Unit(ctx, "a", "1", log), Unit(ctx, "b", "1", log)]);
        log.Clear();
        Assert.Equal(1, StageRunner.Execute(ctx, "train", [Unit(ctx, "a", "1", log), Unit(ctx, "b", "2", log)]));
        Assert.Equal(["b"], log);
        Assert.Equal("2", File.ReadAllText(Path.Combine(ctx.RunDir, "b", "out.txt")));
        Assert.Equal("b: changed: x", StageRunner.Status(ctx, [Unit(ctx, "b", "3", log)]));
    }

    [Fact]
    public void Should_rerun_everything_when_forced()
    {
        using var dir = TestPaths.NewTempDir();
        var log = new List<string>();
        var ctx = PipelineFixture.Context(dir);
        StageRunner.Execute(ctx, "train", [Unit(ctx, "a", "1", log)]);
        var forced = PipelineFixture.Context(dir, force: true);
        Assert.Equal(1, StageRunner.Execute(forced, "train", [Unit(forced, "a", "1", log)]));
    }

    [Fact]
    public void Should_leave_no_output_and_no_stamp_when_a_unit_fails()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        var log = new List<string>();
        Assert.Throws<InvalidOperationException>(() => StageRunner.Execute(ctx, "train", [Unit(ctx, "a", "1", log, fail: true)]));
        Assert.False(Directory.Exists(Path.Combine(ctx.RunDir, "a")));
        Assert.Empty(Directory.GetDirectories(ctx.RunDir));
    }

    [Fact]
    public void Should_treat_a_missing_output_as_stale()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        var log = new List<string>();
        StageRunner.Execute(ctx, "train", [Unit(ctx, "a", "1", log)]);
        File.Delete(Path.Combine(ctx.RunDir, "a", "out.txt"));
        Assert.Equal("a: missing output out.txt", StageRunner.Status(ctx, [Unit(ctx, "a", "1", log)]));
    }

    [Fact]
    public void Should_reuse_a_unit_from_the_clean_run_folder_when_only_a_manifest_made_the_tree_dirty()
    {
        using var dir = TestPaths.NewTempDir();
        var clean = PipelineFixture.Context(dir);
        var log = new List<string>();
        StageRunner.Execute(clean, "train", [Unit(clean, "a", "1", log)]);
        var dirty = PipelineFixture.Context(dir, dirty: true);
        Assert.EndsWith("-dirty", dirty.RunDir);
        // A manifest edit leaves the code state as it was, so the stamp key is the same and the unit is reused.
        Assert.Equal(clean.Code.StateHash, dirty.Code.StateHash);
        Assert.Equal(0, StageRunner.Execute(dirty, "train", [Unit(dirty, "a", "1", log)]));
        Assert.Equal(["a"], log);
        Assert.True(File.Exists(Path.Combine(dirty.RunDir, "a", "out.txt")));
        Assert.NotNull(StampStore.Read(Path.Combine(dirty.RunDir, "a")));
    }
}
