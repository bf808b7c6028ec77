using ScRepro.Core.Provenance;
using ScRepro.Pipeline.Execution;
using ScRepro.Terminal;
using ScRepro.Pipeline.Stamps;

namespace ScRepro.Pipeline;

/// <summary>
/// Runs or checks units: an up-to-date unit is skipped with a one-line reason; a stale one runs into a temporary
/// folder that replaces the output folder only when complete, stamp written last. Nothing is left half-done.
/// Execution holds the tree's <see cref="RunLock"/>, so no two processes run units of one tree at once.
/// </summary>
public static class StageRunner
{
    /// <summary>Runs every stale unit through <paramref name="executor"/> (default: here, in order); returns how many ran.</summary>
    public static int Execute(RunContext ctx, string stage, IReadOnlyList<WorkUnit> units, IUnitExecutor? executor = null)
    {
        using var held = RunLock.Acquire(ctx.Root, ctx.CommandLine);
        var stale = new List<StaleUnit>();
        foreach (var unit in units)
        {
            var stamp = StampFor(unit, ctx);
            var why = ctx.Force ? "forced (--force)" : Staleness(unit, stamp);
            if (why is null)
            {
                Output.Info($"skip {stage} {unit.Name}: up to date");
                continue;
            }
            if (!ctx.Force && unit.ReuseBase is not null && StampStore.TryReuse(unit.OutputDir, stamp, unit.Outputs,
                    ctx.Siblings(unit.OutputDir, unit.ReuseBase), out var from))
            {
                Output.Info($"skip {stage} {unit.Name}: up to date in {Path.GetRelativePath(ctx.Root, from)} (reused)");
                continue;
            }
            stale.Add(new StaleUnit(unit, stamp, why));
        }
        if (stale.Count > 0) (executor ?? LocalExecutor.Instance).Run(ctx, stage, stale);
        return stale.Count;
    }

    /// <summary>Null when every unit is up to date, else the first reason one is not.</summary>
    public static string? Status(RunContext ctx, IReadOnlyList<WorkUnit> units)
    {
        foreach (var unit in units)
        {
            var stamp = StampFor(unit, ctx);
            var why = Staleness(unit, stamp);
            if (why is null) continue;
            if (unit.ReuseBase is not null
                && StampStore.FindReusable(unit.OutputDir, stamp, unit.Outputs, ctx.Siblings(unit.OutputDir, unit.ReuseBase)) is not null)
                return $"{unit.Name}: reusable from a sibling run";
            return $"{unit.Name}: {why}";
        }
        return null;
    }

    /// <summary>
    /// The stamp the unit would get now: its declared inputs, the content hash of every upstream output it consumes
    /// (<c>consumes:&lt;name&gt;</c>, so a retrained model re-evaluates and re-renders its card, DVC-style), and for
    /// code-sensitive units the .NET and ScRepro versions (<c>env:…</c>).
    /// </summary>
    public static Stamp StampFor(WorkUnit unit, RunContext ctx)
    {
        var inputs = new Dictionary<string, string>(unit.Inputs, StringComparer.Ordinal);
        foreach (var (name, path) in unit.Consumes ?? new Dictionary<string, string>())
            inputs["consumes:" + name] = ContentHashes.Of(path)
                ?? throw new UpstreamMissingException($"{unit.Name} reads {Path.GetRelativePath(ctx.Root, path)}, which is missing");
        if (unit.CodeSensitive)
        {
            inputs["env:dotnet"] = SoftwareVersions.Dotnet();
            inputs["env:screpro"] = SoftwareVersions.ScRepro();
        }
        return Stamp.Create(unit.Stage, unit.Name, inputs, ctx.Code, unit.CodeSensitive);
    }

    // Holds the stamp key the partial work was made under; only a run with the same key may continue it.
    private const string ResumeMarker = ".resume-stamp";

    /// <summary>Why the unit must run with this stamp, or null when its outputs and stamp are up to date.</summary>
    public static string? Staleness(WorkUnit unit, Stamp stamp) =>
        unit.Products?.FirstOrDefault(p => !File.Exists(p)) is { } missing
            ? $"{Path.GetFileName(missing)} is missing"
            : StampStore.Staleness(unit.OutputDir, stamp, unit.Outputs);

    /// <summary>
    /// Makes one unit under the tree's run lock: runs it into a temporary (or resumable .partial) folder, checks its
    /// outputs, writes the stamp last (with the Slurm job when run as one) and moves the folder into place.
    /// </summary>
    public static void RunInto(RunContext ctx, WorkUnit unit, Stamp stamp)
    {
        var final = Path.GetFullPath(unit.OutputDir);
        if (!RunLock.IsHeld(ctx.Root))
            throw new InvalidOperationException($"{unit.Stage} {unit.Name}: units run only under the tree's run lock");
        RemoveAbandonedTemporaries(final);
        var tmp = unit.Resumable ? final + ".partial" : final + $".tmp-{Environment.ProcessId}";
        var marker = Path.Combine(tmp, ResumeMarker);
        var resuming = unit.Resumable && File.Exists(marker) && File.ReadAllText(marker) == stamp.Key;
        if (!resuming && Directory.Exists(tmp)) Directory.Delete(tmp, true);
        if (resuming) Output.Info($"resume {unit.Stage} {unit.Name}: from {tmp}");
        Directory.CreateDirectory(tmp);
        if (unit.Resumable) File.WriteAllText(marker, stamp.Key);
        try
        {
            unit.Run(tmp);
            if (unit.Resumable) File.Delete(marker);
            foreach (var output in unit.Outputs)
                if (!File.Exists(Path.Combine(tmp, output)))
                    throw new InvalidOperationException($"{unit.Stage} {unit.Name} did not write {output}");
            StampStore.Write(tmp, stamp with { Outputs = ContentHashes.OfOutputs(tmp, unit.Outputs), Scheduler = SchedulerCapture.Current() });
            if (Directory.Exists(final)) Directory.Delete(final, true);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            Directory.Move(tmp, final);
        }
        catch
        {
            if (!unit.Resumable && Directory.Exists(tmp)) Directory.Delete(tmp, true);
            throw;
        }
    }

    // A process killed mid-unit leaves <unit>.tmp-<pid>/ (or .reuse-tmp-<pid>/) behind; the lock holder is the only
    // one running, so any such folder is abandoned. (.partial/ is kept on purpose: it is resumable work.)
    private static void RemoveAbandonedTemporaries(string final)
    {
        var parent = Path.GetDirectoryName(final)!;
        if (!Directory.Exists(parent)) return;
        var name = Path.GetFileName(final);
        foreach (var pattern in new[] { name + ".tmp-*", name + ".reuse-tmp-*" })
            foreach (var dir in Directory.GetDirectories(parent, pattern))
                Directory.Delete(dir, recursive: true);
    }
}
