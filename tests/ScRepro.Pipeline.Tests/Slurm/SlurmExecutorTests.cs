using System.Diagnostics;
using System.Text.Json.Nodes;
using ScRepro.Foundation.Errors;
using ScRepro.Pipeline.Slurm;
using ScRepro.Pipeline.Stages;
using ScRepro.Pipeline.Stamps;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests.Slurm;

/// <summary>
/// The Slurm executor against real daemons (<see cref="SlurmCluster"/>), on the shrunken demo's Train stage: a
/// successful array whose outputs match the local executor's byte for byte, a failing unit (its error shown, the others
/// kept), a time-out decided by the job state, Ctrl-C cancelling the array, and a re-run after the submitter was
/// killed adopting the job it left instead of submitting again.
/// </summary>
[Collection("Slurm")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SlurmExecutorTests(SlurmCluster cluster)
{
    private static readonly string[] Baselines = ["control_mean", "train_mean", "additive", "linear_pca_ridge"];

    private SlurmExecutor Executor(SlurmSettings? settings = null) =>
        new(settings ?? Fast, Screpro(), new SlurmCommands(cluster.Environment));

    // Polls twice a second so the tests wait less than the 2 s default; a finished job's outputs are local here.
    private static readonly SlurmSettings Fast = SlurmSettings.Default with { PollSeconds = 0.5, ResultWaitSeconds = 15 };

    [Fact]
    public void Should_train_as_one_array_with_outputs_byte_identical_to_the_local_executor()
    {
        using var dir = Prepared(Baselines);
        Assert.Equal(4, PipelineSession.Run(Open(dir), "train"));
        var local = Snapshot(dir);

        var ran = PipelineSession.Run(Open(dir, force: true), "train", Executor());

        Assert.Equal(4, ran);
        var submissions = Submissions(dir);
        var submission = Assert.Single(submissions); // one array for the four units (same resources)
        Assert.Equal(4, submission.Units.Count);
        foreach (var model in Baselines)
        {
            var unit = TrainStage.UnitDir(Open(dir), model, 0);
            // The predictions are the same bytes: the unit ran the same code on the same inputs, only elsewhere.
            Assert.Equal(local[model].Predictions, File.ReadAllBytes(Path.Combine(unit, "predictions.h5ad")));
            var stamp = StampStore.Read(unit)!;
            Assert.Equal(local[model].StampKey, stamp.Key);
            var index = submission.Units.Single(u => u.Name == $"{model}/seed0").Index;
            Assert.Equal(new Contracts.SchedulerInfo("slurm", stamp.Scheduler!.JobId, submission.JobId, index.ToString(), "localhost", "debug"), stamp.Scheduler);
            // training_stats.json: equal apart from the clock (wall time, UTC time) and the job the Slurm run adds.
            var stats = JsonNode.Parse(File.ReadAllText(Path.Combine(unit, "training_stats.json")))!;
            Assert.Equal("localhost", (string?)stats["provenance"]!["scheduler"]!["node"]);
            Assert.Equal(Comparable(local[model].Stats), Comparable(stats));
        }
    }

    [Fact]
    public void Should_show_a_failing_unit_with_its_job_and_error_and_keep_the_others()
    {
        // train_mean refuses hyperparameters it does not know (ParameterReader, when the trainer reads them): inside the job.
        var broken = "id: broken\nkind: train_mean\ntask: perturbation\ntitle: Broken\nhyperparameters: {bogus: 1}\n";
        using var dir = Prepared(["train_mean", "broken"], new Dictionary<string, string> { ["broken"] = broken });

        var e = Assert.Throws<ScReproException>(() => PipelineSession.Run(Open(dir), "train", Executor()));

        var submission = Assert.Single(Submissions(dir));
        var task = $"{submission.JobId}_{submission.Units.Single(u => u.Name == "broken/seed0").Index}";
        Assert.Contains("1 of 2 unit(s) failed", e.Message);
        Assert.Contains($"broken/seed0: Slurm task {task} FAILED", e.Message);
        Assert.Contains("unknown key 'bogus'", e.Message); // the job's error, from its result file
        Assert.Contains($"{task}.log", e.Message); // and the tail of its log
        Assert.Null(StampStore.Read(TrainStage.UnitDir(Open(dir), "broken", 0)));
        Assert.NotNull(StampStore.Read(TrainStage.UnitDir(Open(dir), "train_mean", 0))); // the other unit kept its outputs
        // A second run submits only the failed unit: train_mean's stamp is up to date.
        var again = Assert.Throws<ScReproException>(() => PipelineSession.Run(Open(dir), "train", Executor()));
        Assert.Contains("1 of 1 unit(s) failed", again.Message);
        Assert.Single(Submissions(dir).OrderBy(x => x.Token, StringComparer.Ordinal).Last().Units);
    }

    [Fact]
    public void Should_cancel_the_array_on_ctrl_c()
    {
        using var dir = Prepared(["train_mean"]);
        // --begin keeps the task pending long enough to interrupt the submitter while it waits.
        var config = Config(dir, "--begin=now+300");
        using var submitter = StartCli(dir, "train", "--executor", "slurm", "--slurm-config", config);
        var submission = WaitForJob(dir, submitter);

        SlurmCluster.Signal(submitter.Id, 2); // SIGINT, as Ctrl-C sends
        Assert.True(submitter.WaitForExit(60_000), "the submitter did not stop after SIGINT");

        var stderr = submitter.StandardError.ReadToEnd();
        Assert.Equal(130, submitter.ExitCode);
        Assert.Contains($"cancelled Slurm task(s) {submission.JobId}_0", stderr);
        Assert.Equal("CANCELLED", cluster.State($"{submission.JobId}_0"));
    }

    [Fact]
    public void Should_adopt_the_jobs_of_a_killed_submitter_instead_of_submitting_again()
    {
        using var dir = Prepared(["train_mean", "additive"]);
        var config = Config(dir, "--begin=now+8");
        using var submitter = StartCli(dir, "train", "--executor", "slurm", "--slurm-config", config);
        var first = WaitForJob(dir, submitter);
        submitter.Kill(); // SIGKILL: no chance to cancel anything
        submitter.WaitForExit();
        Assert.Equal("PENDING", cluster.State($"{first.JobId}_0"));

        var ran = PipelineSession.Run(Open(dir), "train", Executor(SlurmSettings.Load(config) with { PollSeconds = 0.5 }));

        Assert.Equal(2, ran);
        Assert.Equal(first.Token, Assert.Single(Submissions(dir)).Token); // nothing submitted twice
        foreach (var model in new[] { "train_mean", "additive" })
            Assert.Equal(first.JobId, StampStore.Read(TrainStage.UnitDir(Open(dir), model, 0))!.Scheduler!.ArrayJobId);
    }

    [Fact]
    public void Should_fail_a_unit_that_runs_past_its_time_limit_by_the_job_state()
    {
        // time_min 1 is Slurm's smallest limit; the job (the demo's CPU scGPT, which trains for tens of seconds, so it
        // cannot finish first) is stopped with SIGSTOP as soon as it runs: it idles instead of training until Slurm's
        // time-limit sweep kills it about 60-90 s later (research §1.4: 68 s observed).
        var slow = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "manifests/models/scgpt_perturbation_cpu.yaml"))
            .Replace("id: scgpt_perturbation_cpu", "id: slow") + "resources: {time_min: 1, cpus: 1}\n";
        using var dir = Prepared(["slow"], new Dictionary<string, string> { ["slow"] = slow });
        Exception? failure = null;
        var run = new Thread(() => failure = Record(() => PipelineSession.Run(Open(dir), "train", Executor())));
        run.Start();
        var submission = WaitForSubmission(dir, TimeSpan.FromSeconds(60));
        var task = $"{submission.JobId}_0";
        StopJobProcesses(task);
        Assert.True(run.Join(TimeSpan.FromSeconds(240)), "the stage did not end after the time limit");

        var e = Assert.IsType<ScReproException>(failure);
        Assert.Contains($"slow/seed0: Slurm task {task} TIMEOUT", e.Message);
        Assert.Contains("ran past its time limit", e.Message);
        Assert.Null(StampStore.Read(TrainStage.UnitDir(Open(dir), "slow", 0)));
    }

    // ---- helpers ----

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>SIGSTOP every process of a task as soon as it runs.</summary>
    private void StopJobProcesses(string task)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var pids = SlurmCluster.TaskProcesses(task);
            if (pids.Count > 0)
            {
                foreach (var pid in pids) SlurmCluster.Signal(pid, 19);
                return;
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException($"task {task} never ran: {cluster.State(task)}");
    }

    private static ScratchProject Prepared(IReadOnlyList<string> models, IReadOnlyDictionary<string, string>? extra = null)
    {
        var dir = DemoProject.Create(models, extra);
        foreach (var stage in new[] { "download", "hash", "split" }) PipelineSession.Run(Open(dir), stage);
        return dir;
    }

    private static RunContext Open(ScratchProject dir, bool force = false) => PipelineSession.Open(dir.Root, "demo", force, false, "test");

    private static string Config(ScratchProject dir, params string[] sbatchArgs)
    {
        var path = Path.Combine(dir.Root, "runs", "slurm.yaml"); // under runs/: git-ignored, the tree stays clean
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"poll_s: 0.5\nsbatch_args: [{string.Join(", ", sbatchArgs.Select(a => $"\"{a}\""))}]\n");
        return path;
    }

    private static IReadOnlyList<Submission> Submissions(ScratchProject dir) =>
        new SubmissionStore(Open(dir), "train").All();

    private static Submission WaitForSubmission(ScratchProject dir, TimeSpan limit, Process? submitter = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (Submissions(dir).FirstOrDefault(s => s.JobId is not null) is { } s) return s;
            if (submitter is { HasExited: true })
                throw new InvalidOperationException($"the submitter exited ({submitter.ExitCode}): {submitter.StandardError.ReadToEnd()}");
            Thread.Sleep(100);
        }
        throw new TimeoutException("no submission recorded a job id");
    }

    private static Submission WaitForJob(ScratchProject dir, Process submitter) => WaitForSubmission(dir, TimeSpan.FromSeconds(60), submitter);

    /// <summary>screpro as a separate process (to be interrupted or killed), talking to the test cluster.</summary>
    private Process StartCli(ScratchProject dir, params string[] args)
    {
        var command = Screpro();
        var psi = new ProcessStartInfo(command.Words[0]) { WorkingDirectory = dir.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var w in command.Words.Skip(1).Concat(args).Concat(["--experiment", "demo"])) psi.ArgumentList.Add(w);
        foreach (var (k, v) in cluster.Environment) psi.Environment[k] = v;
        psi.Environment["CI"] = "true";
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        return p;
    }

    /// <summary>dotnet and the screpro.dll built beside these tests (the job runs it on the "compute node").</summary>
    private static UnitCommand Screpro()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "screpro.dll");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet"
            ? p
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "dotnet")).FirstOrDefault(File.Exists)
              ?? throw new InvalidOperationException("dotnet not found on PATH");
        return new UnitCommand([host, dll]);
    }

    private sealed record LocalUnit(byte[] Predictions, string StampKey, JsonNode Stats);

    private static Dictionary<string, LocalUnit> Snapshot(ScratchProject dir) => Baselines.ToDictionary(m => m, m =>
    {
        var unit = TrainStage.UnitDir(Open(dir), m, 0);
        return new LocalUnit(File.ReadAllBytes(Path.Combine(unit, "predictions.h5ad")), StampStore.Read(unit)!.Key,
            JsonNode.Parse(File.ReadAllText(Path.Combine(unit, "training_stats.json")))!);
    });

    private static string Comparable(JsonNode stats)
    {
        var copy = stats.DeepClone();
        copy.AsObject().Remove("wall_clock_s");
        copy["provenance"]!.AsObject().Remove("utc_time");
        copy["provenance"]!.AsObject().Remove("scheduler");
        return copy.ToJsonString();
    }
}
