namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// How a compute node starts screpro from the same checkout: the words before the subcommand, e.g.
/// [/usr/bin/dotnet, /repo/src/ScRepro.Cli/bin/Release/net10.0/screpro.dll]. Paths must be on the shared filesystem.
/// </summary>
public sealed record UnitCommand(IReadOnlyList<string> Words);
