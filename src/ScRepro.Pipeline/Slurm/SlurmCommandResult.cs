namespace ScRepro.Pipeline.Slurm;

/// <summary>What one Slurm client call returned.</summary>
public sealed record SlurmCommandResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stderr (else stdout), trimmed to one line for messages.</summary>
    public string Message => (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim().ReplaceLineEndings(" ");
}
