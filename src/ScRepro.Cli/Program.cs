using System.CommandLine;
using ScRepro.Cli.Commands;

namespace ScRepro.Cli;

/// <summary>screpro: every pipeline stage and tool as a subcommand. This file only composes the tree.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return BuildRoot().Parse(args).Invoke();
        }
        catch (Exception e)
        {
            // Every action already runs inside CommandRunner; this catches what happens around them (parsing, start-up).
            return CommandRunner.Report(e);
        }
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("ScRepro: reproducible comparison of single-cell foundation models with honest baselines");
        root.Subcommands.Add(EnvCommand.Create());
        root.Subcommands.Add(TestSummaryCommand.Create());
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(StageCommands.WithStage(SplitCommand.Create(), "split"));
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(FitCommand.Create());
        root.Subcommands.Add(CheckpointCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(GpuCommand.Create());
        root.Subcommands.Add(PublishCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        foreach (var stage in StageCommands.Create()) root.Subcommands.Add(stage);
        root.Subcommands.Add(NightlyCommand.Create());
        root.Subcommands.Add(BlessCommand.Create());
        root.Subcommands.Add(UnitCommandLine.Create());
        root.Subcommands.Add(PapersCommand.Create());
        return root;
    }
}
