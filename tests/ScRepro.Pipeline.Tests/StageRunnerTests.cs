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

    // A trainer that checkpoints: the first attempt writes its checkpoint and dies; the next continues from it.
    private static WorkUnit Resumable(RunContext ctx, string input, List<string> log, bool die) =>
        new("train", "r", Path.Combine(ctx.RunDir, "r"), new Dictionary<string, string> { ["x"] = input }, ["out.txt"], tmp =>
        {
            var checkpoint = Path.Combine(tmp, "checkpoint.txt");
            log.Add(File.Exists(checkpoint) ? "resumed " + File.ReadAllText(checkpoint) : "fresh");
            File.WriteAllText(checkpoint, "epoch 3");
            if (die) throw new InvalidOperationException("killed");
            File.WriteAllText(Path.Combine(tmp, "out.txt"), input);
        }, ctx.RunDir, Resumable: true);

    [Fact]
    public void Should_resume_partial_work_of_the_same_stamp_and_discard_it_otherwise()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = PipelineFixture.Context(dir);
        var log = new List<string>();
        Assert.Throws<InvalidOperationException>(() => StageRunner.Execute(ctx, "train", [Resumable(ctx, "1", log, die: true)]));
        Assert.True(File.Exists(Path.Combine(ctx.RunDir, "r.partial", "checkpoint.txt")));
        Assert.False(Directory.Exists(Path.Combine(ctx.RunDir, "r")));
        Assert.Equal(1, StageRunner.Execute(ctx, "train", [Resumable(ctx, "1", log, die: false)]));
        Assert.Equal(["fresh", "resumed epoch 3"], log);
        Assert.False(Directory.Exists(Path.Combine(ctx.RunDir, "r.partial")));
        Assert.False(File.Exists(Path.Combine(ctx.RunDir, "r", ".resume-stamp")));

        log.Clear();
        Assert.Throws<InvalidOperationException>(() => StageRunner.Execute(ctx, "train", [Resumable(ctx, "2", log, die: true)]));
        Assert.Equal(1, StageRunner.Execute(ctx, "train", [Resumable(ctx, "3", log, die: false)]));
        Assert.Equal(["fresh", "fresh"], log); // input 3's run must not continue input 2's checkpoint
    }
}
