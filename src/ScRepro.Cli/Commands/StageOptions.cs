using System.CommandLine;
using ScRepro.Pipeline;

namespace ScRepro.Cli.Commands;

/// <summary>The options every stage shares: --experiment (default demo), --force, --release, --root.</summary>
internal sealed record StageOptions(Option<string> Experiment, Option<bool> Force, Option<bool> Release, Option<string> Root)
{
    public static StageOptions AddTo(Command command)
    {
        var options = new StageOptions(
            new Option<string>("--experiment") { Description = "Experiment id: manifests/experiments/<id>.yaml", DefaultValueFactory = _ => "demo" },
            new Option<bool>("--force") { Description = "Re-run regardless of stamps" },
            new Option<bool>("--release") { Description = "Refuse a dirty working tree before any work" },
            new Option<string>("--root") { Description = "Project root (default: the current directory)", DefaultValueFactory = _ => "." });
        command.Options.Add(options.Experiment);
        command.Options.Add(options.Force);
        command.Options.Add(options.Release);
        command.Options.Add(options.Root);
        return options;
    }

    public RunContext Open(ParseResult parse) =>
        PipelineSession.Open(parse.GetValue(Root)!, parse.GetValue(Experiment)!, parse.GetValue(Force), parse.GetValue(Release),
            "screpro " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
}
