// One helper for calling the screpro CLI. The argument list is built by a pure function so it can be read at a glance;
// a non-zero exit fails the task (and so the run): nothing fails silently.
public static ProcessArgumentBuilder StageArguments(string stage, PipelineContext p)
{
    var args = new ProcessArgumentBuilder().Append(p.CliDll.FullPath).Append(stage).Append("--experiment").Append(p.Experiment);
    if (p.Force) args.Append("--force");
    if (p.Release) args.Append("--release");
    // Only Train and Evaluate fan out; the other stages are cheap or need the network, and stay here.
    if (p.Executor != "local" && (stage == "train" || stage == "evaluate"))
    {
        args.Append("--executor").Append(p.Executor);
        if (p.SlurmConfig != null) args.Append("--slurm-config").AppendQuoted(System.IO.Path.GetFullPath(p.SlurmConfig));
    }
    return args;
}

public static void Screpro(ICakeContext ctx, PipelineContext p, string stage)
{
    var code = ctx.StartProcess("dotnet", new ProcessSettings { Arguments = StageArguments(stage, p), WorkingDirectory = p.Root });
    if (code != 0) throw new CakeException(code, $"screpro {stage} --experiment {p.Experiment} failed with exit code {code}");
}

// True when `screpro status` says the stage's stamps match its inputs (exit 0); Cake then skips the task.
// Exit 10 means stale (run it); any other code is an error (2 bad input, 70 a bug) and fails the run: a crash is
// never read as "stale".
public const int StatusStale = 10;
public static bool UpToDate(ICakeContext ctx, PipelineContext p, string stage)
{
    if (p.Force) return false;
    var args = new ProcessArgumentBuilder().Append(p.CliDll.FullPath).Append("status").Append("--experiment").Append(p.Experiment).Append("--stage").Append(stage);
    var code = ctx.StartProcess("dotnet", new ProcessSettings { Arguments = args, WorkingDirectory = p.Root });
    if (code == 0) return true;
    if (code == StatusStale) return false;
    throw new CakeException(code, $"screpro status --stage {stage} failed with exit code {code} (0 up to date, {StatusStale} stale)");
}

// `screpro audit` from the Audit target's arguments: --hub=<owner>/<name> [--revision=<rev>] or --dir=<folder>, plus the
// optional --experiment, --model, --code-repo, --level, --hub-endpoint, --offline, --fail-on and --out. The experiment
// is passed only when given: an audit otherwise compares with the card's own screpro block.
public static ProcessArgumentBuilder AuditArguments(ICakeContext ctx, PipelineContext p)
{
    var args = new ProcessArgumentBuilder().Append(p.CliDll.FullPath).Append("audit");
    if (!ctx.HasArgument("hub") && !ctx.HasArgument("dir"))
        throw new CakeException(2, "Audit needs --hub=<owner>/<name> [--revision=<rev>] or --dir=<folder>");
    foreach (var name in new[] { "hub", "revision", "dir", "model", "code-repo", "level", "hub-endpoint", "fail-on", "out" })
        if (ctx.HasArgument(name)) args.Append("--" + name).AppendQuoted(ctx.Argument<string>(name));
    if (ctx.HasArgument("experiment")) args.Append("--experiment").AppendQuoted(p.Experiment);
    if (ctx.HasArgument("offline") && ctx.Argument("offline", true)) args.Append("--offline");
    return args;
}

// Nightly and Bless: not stages (no stamps, no --experiment default); their exit codes (3 DRIFTED with
// --fail-on=drift, 4 BROKEN, 2 bad input) fail the run as Cake exceptions, never ContinueOnError.
public static ProcessArgumentBuilder NightlyArguments(string command, PipelineContext p)
{
    var args = new ProcessArgumentBuilder().Append(p.CliDll.FullPath).Append(command);
    if (command == "nightly" && p.FailOn != "") args.Append("--fail-on").Append(p.FailOn);
    if (command == "nightly" && p.ExperimentGiven) args.Append("--experiment").Append(p.Experiment);
    if (command == "bless" && p.ExperimentGiven) args.Append("--experiment").Append(p.Experiment);
    if (command == "bless" && p.Model != "") args.Append("--model").Append(p.Model);
    return args;
}

public static void ScreproNightly(ICakeContext ctx, PipelineContext p, string command)
{
    var code = ctx.StartProcess("dotnet", new ProcessSettings { Arguments = NightlyArguments(command, p), WorkingDirectory = p.Root });
    var what = code switch { 3 => "DRIFTED (--fail-on=drift)", 4 => "BROKEN", _ => $"failed with exit code {code}" };
    if (code != 0) throw new CakeException(code, $"screpro {command}: {what}; see reports/nightly/<date>/DRIFT.md");
}
