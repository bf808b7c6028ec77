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
