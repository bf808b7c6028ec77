using System.Diagnostics;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Pipeline.Slurm;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests.Slurm;

/// <summary>What the executor hands sbatch and how it reads squeue, without daemons: the config file, the argument
/// list, the job script's quoting (checked by running it through /bin/sh), and the state names.</summary>
public sealed class SlurmSubmissionTests
{
    private static string WriteConfig(TempDir dir, string text)
    {
        var path = Path.Combine(dir.Path, "slurm.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Should_read_a_config_with_extra_sbatch_flags_as_separate_arguments()
    {
        using var dir = TestPaths.NewTempDir();
        var s = SlurmSettings.Load(WriteConfig(dir, "throttle: 3\npoll_s: 5\nsbatch_args: [\"--account=proj x\", --qos=high, --constraint=gpu80g]\n"));
        Assert.Equal(3, s.Throttle);
        Assert.Equal(5.0, s.PollSeconds);
        Assert.Equal(["--account=proj x", "--qos=high", "--constraint=gpu80g"], s.SbatchArgs);
        Assert.Equal(SlurmSettings.Default.ResultWaitSeconds, s.ResultWaitSeconds);
    }

    [Theory]
    [InlineData("throtle: 3\n", "slurm.yaml:1: key 'throtle': unknown key")]
    [InlineData("throttle: 0\n", "key 'throttle': must be 1 to 10000, got 0")]
    [InlineData("sbatch_args: [--array=0-9]\n", "key 'sbatch_args[0]': '--array=0-9': --array is set by the executor")]
    [InlineData("sbatch_args: [-ofile.log]\n", "key 'sbatch_args[0]': '-ofile.log': -o is set by the executor")]
    [InlineData("sbatch_args: [\"--wrap=rm -rf /\"]\n", "--wrap is set by the executor")]
    [InlineData("sbatch_args: [\"account=proj\"]\n", "each entry is one sbatch option starting with '-'")]
    [InlineData("sbatch_args: [\"--comment=a\\nb\"]\n", "may not contain a line break")]
    [InlineData("sbatch_args: \"--qos=high\"\n", "key 'sbatch_args': expected a list of strings")]
    public void Should_refuse_a_bad_config_naming_file_and_key(string text, string expected)
    {
        using var dir = TestPaths.NewTempDir();
        var e = Assert.Throws<ScReproException>(() => SlurmSettings.Load(WriteConfig(dir, text)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Should_turn_manifest_resources_into_sbatch_flags()
    {
        // 7.5 GB = 7680 MB (sbatch's --mem unit is MB); gpus 0 asks for none rather than --gres=gpu:0.
        Assert.Equal(["--cpus-per-task=4", "--mem=7680M", "--gres=gpu:2", "--time=90", "--partition=gpu"],
            JobScript.ResourceArguments(new ModelResources(4, 7.5, 2, 90, "gpu")));
        Assert.Empty(JobScript.ResourceArguments(new ModelResources(null, null, 0, null, null)));
    }

    [Fact]
    public void Should_put_owned_flags_first_then_config_flags_then_resources_then_the_script()
    {
        var args = JobScript.SbatchArguments("screpro-demo-train-t", 5, 2, "/r/runs/x", "/r", ["--qos=high"],
            new ModelResources(2, null, null, 30, null), "/r/runs/x/job.sh");
        Assert.Equal(["--parsable", "--job-name=screpro-demo-train-t", "--array=0-4%2", "--output=/r/runs/x/%A_%a.log", "--chdir=/r",
            "--export=ALL", "--no-requeue", "--qos=high", "--cpus-per-task=2", "--time=30", "/r/runs/x/job.sh"], args);
    }

    [Fact]
    public void Should_quote_every_word_of_the_job_script_so_the_shell_passes_it_unchanged()
    {
        using var dir = TestPaths.NewTempDir();
        // A path with a space, a quote, $, backquote and ; must reach the program as one unchanged argument.
        var hostile = Path.Combine(dir.Path, "it's $HOME `id`; x");
        var script = Path.Combine(dir.Path, "job.sh");
        File.WriteAllText(script, JobScript.Text("train", ["/usr/bin/printf", "%s\\n"], hostile));
        var psi = new ProcessStartInfo("/bin/sh", [script]) { RedirectStandardOutput = true };
        using var sh = Process.Start(psi)!;
        var lines = sh.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        sh.WaitForExit();
        Assert.Equal(["unit", "--submission", hostile], lines);
    }

    [Theory]
    [InlineData("PENDING", TaskPhase.Queued)]
    [InlineData("RUNNING", TaskPhase.Running)]
    [InlineData("COMPLETING", TaskPhase.Running)]
    [InlineData("COMPLETED", TaskPhase.Done)]
    [InlineData("FAILED", TaskPhase.Failed)]
    [InlineData("TIMEOUT", TaskPhase.Failed)]
    [InlineData("CANCELLED by 0", TaskPhase.Failed)] // sacct's form
    [InlineData("OUT_OF_MEMORY", TaskPhase.Failed)]
    [InlineData("NODE_FAIL", TaskPhase.Failed)]
    public void Should_map_slurm_state_names_to_phases(string state, TaskPhase phase) =>
        Assert.Equal(phase, SlurmTaskStatus.PhaseOf(state));

    [Fact]
    public void Should_parse_squeue_rows_and_skip_an_unsplit_array_range()
    {
        // Rows as squeue -h -r -t all -o '%i|%T|%N|%P|%r' printed them on the test cluster (research §1.4 shapes).
        var rows = SlurmQueue.Parse("1_0|COMPLETED|localhost|debug|None\n1_2|FAILED|localhost|debug|NonZeroExitCode\n4_[0-3%2]|PENDING||debug|None\n").ToList();
        Assert.Equal([new SlurmTaskStatus("1_0", "COMPLETED", "localhost", "debug", null), new SlurmTaskStatus("1_2", "FAILED", "localhost", "debug", "NonZeroExitCode")], rows);
    }
}
