using System.CommandLine;
using ScRepro.Foundation.Errors;
using ScRepro.Pipeline;
using ScRepro.Pipeline.Execution;
using ScRepro.Pipeline.Slurm;

namespace ScRepro.Cli.Commands;

/// <summary>
/// The options every stage shares: --experiment (default demo), --force, --release, --root, and where units run:
/// --executor local|slurm with --slurm-config.
/// </summary>
internal sealed record StageOptions(Option<string> Experiment, Option<bool> Force, Option<bool> Release, Option<string> Root,
    Option<string> ExecutorName, Option<string?> SlurmConfig)
{
    public static StageOptions AddTo(Command command)
    {
        var options = new StageOptions(
            new Option<string>("--experiment") { Description = "Experiment id: manifests/experiments/<id>.yaml", DefaultValueFactory = _ => "demo" },
            new Option<bool>("--force") { Description = "Re-run regardless of stamps" },
            new Option<bool>("--release") { Description = "Refuse a dirty working tree before any work" },
            new Option<string>("--root") { Description = "Project root (default: the current directory)", DefaultValueFactory = _ => "." },
            new Option<string>("--executor") { Description = "Where train and evaluate units run: local (here, in order) or slurm (one job array per stage)", DefaultValueFactory = _ => "local" },
            new Option<string?>("--slurm-config") { Description = "YAML file: throttle, poll_s, result_wait_s, sbatch_args (with --executor=slurm)" });
        options.ExecutorName.AcceptOnlyFromAmong("local", "slurm");
        command.Options.Add(options.Experiment);
        command.Options.Add(options.Force);
        command.Options.Add(options.Release);
        command.Options.Add(options.Root);
        command.Options.Add(options.ExecutorName);
        command.Options.Add(options.SlurmConfig);
        return options;
    }

    public RunContext Open(ParseResult parse) =>
        PipelineSession.Open(parse.GetValue(Root)!, parse.GetValue(Experiment)!, parse.GetValue(Force), parse.GetValue(Release),
            "screpro " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));

    /// <summary>The executor the options ask for; the Slurm one starts array tasks with this same screpro.</summary>
    public IUnitExecutor Executor(ParseResult parse)
    {
        var config = parse.GetValue(SlurmConfig);
        if (parse.GetValue(ExecutorName) != "slurm")
        {
            if (config is not null) throw new ScReproException("--slurm-config needs --executor=slurm", 2);
            return LocalExecutor.Instance;
        }
        var settings = config is null ? SlurmSettings.Default : SlurmSettings.Load(config);
        return new SlurmExecutor(settings, ThisScrepro(), new SlurmCommands());
    }

    /// <summary>How a compute node starts this screpro: the dotnet host and this dll, or the apphost alone.</summary>
    public static UnitCommand ThisScrepro()
    {
        var process = Environment.ProcessPath ?? throw new ScReproException("--executor=slurm: cannot tell which program this is");
        var dll = typeof(Program).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? new UnitCommand([process, dll]) : new UnitCommand([process]);
    }
}
