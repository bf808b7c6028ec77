using System.ComponentModel;
using System.Diagnostics;
using ScRepro.Foundation.Errors;

namespace ScRepro.Pipeline.Slurm;

/// <summary>
/// Runs Slurm's client tools (sbatch, squeue, sacct, scancel) with an argument list, never a shell, under a time
/// limit. <paramref name="environment"/> adds variables (e.g. SLURM_CONF for a test cluster) to what this process has.
/// </summary>
public sealed class SlurmCommands(IReadOnlyDictionary<string, string>? environment = null)
{
    public IReadOnlyDictionary<string, string> Environment { get; } = environment ?? new Dictionary<string, string>();

    public SlurmCommandResult Run(string tool, IEnumerable<string> args, IReadOnlyDictionary<string, string>? extraEnvironment = null, double timeoutSeconds = 60)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in Environment) psi.Environment[k] = v;
        if (extraEnvironment is not null)
            foreach (var (k, v) in extraEnvironment) psi.Environment[k] = v;
        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (Win32Exception e)
        {
            throw new ScReproException($"--executor=slurm: cannot run {tool} ({e.Message}); install Slurm's client tools (Debian: slurm-client) or load the site's slurm module", 2);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                throw new ScReproException($"{tool} did not answer within {timeoutSeconds:0} s (is slurmctld reachable? SLURM_CONF={Conf()})");
            }
            return new SlurmCommandResult(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>The SLURM_CONF the tools see, for messages.</summary>
    public string Conf() =>
        Environment.TryGetValue("SLURM_CONF", out var c) ? c : System.Environment.GetEnvironmentVariable("SLURM_CONF") ?? "(unset: the default /etc/slurm/slurm.conf)";
}
