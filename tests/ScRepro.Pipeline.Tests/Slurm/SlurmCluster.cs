using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ScRepro.Pipeline.Tests.Slurm;

/// <summary>
/// A real one-node Slurm for the executor tests (../shared/research/slurm-single-node.sh in C#): munged, slurmctld and
/// slurmd from Debian's slurm-wlm and munge, everything (key, config, sockets, state, logs, PIDs) under a temporary
/// folder, on free ports, stopped by PID when the tests end. Installs nothing. When the daemons cannot start (not root,
/// packages missing, a daemon died) every test of the collection fails with the reason; none is skipped.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SlurmCluster : IDisposable
{
    private readonly List<Process> _daemons = [];
    private int? _mungedPid;

    public SlurmCluster()
    {
        Dir = Directory.CreateTempSubdirectory("screpro-slurm-").FullName;
        try
        {
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Dir { get; }
    public string Conf => Path.Combine(Dir, "slurm.conf");

    /// <summary>What Slurm's client tools need to reach this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = Conf };

    private void Start()
    {
        if (geteuid() != 0)
            throw new InvalidOperationException("the Slurm tests start slurmctld and slurmd, which need root: run them as root (.ci/run does)");
        foreach (var tool in new[] { "/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch", "/usr/bin/sinfo" })
            if (!File.Exists(tool))
                throw new InvalidOperationException($"{tool} is missing: install slurm-wlm and munge (build.sh does as root)");
        foreach (var sub in new[] { "munge", "run", "log", "spool/ctld", "spool/d" }) Directory.CreateDirectory(Path.Combine(Dir, sub));
        // 0755: jobs of other users must reach the munge socket (Slurm runs ours as root, but keep the working layout).
        File.SetUnixFileMode(Dir, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(Dir, "munge"), (UnixFileMode)0b111_101_101);
        var key = Path.Combine(Dir, "munge", "munge.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        var socket = Path.Combine(Dir, "munge", "munge.socket.2");
        var mungePid = Path.Combine(Dir, "run", "munged.pid");
        // munged daemonizes itself (its PID comes from its pid file); --force because it runs as root.
        Exec("/usr/sbin/munged", "--force", $"--socket={socket}", $"--key-file={key}", $"--log-file={Path.Combine(Dir, "log", "munged.log")}",
            $"--pid-file={mungePid}", $"--seed-file={Path.Combine(Dir, "munge", "munged.seed")}");
        WaitFor(() => File.Exists(mungePid) && File.Exists(socket), "munged's socket", "munged.log");
        _mungedPid = int.Parse(File.ReadAllText(mungePid).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Conf, Config(socket, FreePort(), FreePort()));
        _daemons.Add(StartDaemon("/usr/sbin/slurmctld", "slurmctld"));
        _daemons.Add(StartDaemon("/usr/sbin/slurmd", "slurmd"));
        WaitFor(() => Client("sinfo", "-h", "-o", "%T").Trim() == "idle", "the node to be idle", "slurmctld.log", seconds: 60);
    }

    private string Config(string socket, int ctldPort, int slurmdPort) => $"""
        ClusterName=screpro
        SlurmctldHost=localhost
        SlurmUser=root
        SlurmdUser=root
        AuthType=auth/munge
        CredType=cred/munge
        AuthInfo=socket={socket}
        MpiDefault=none
        ProctrackType=proctrack/linuxproc
        TaskPlugin=task/none
        JobAcctGatherType=jobacct_gather/linux
        AccountingStorageType=accounting_storage/none
        JobCompType=jobcomp/filetxt
        JobCompLoc={Dir}/log/jobcomp.txt
        MailProg=/bin/true
        SchedulerType=sched/backfill
        SchedulerParameters=sched_min_interval=0,batch_sched_delay=0
        SelectType=select/cons_tres
        SelectTypeParameters=CR_Core
        ReturnToService=2
        MinJobAge=300
        KillWait=5
        SlurmctldPort={ctldPort}
        SlurmdPort={slurmdPort}
        SlurmctldPidFile={Dir}/run/slurmctld.pidfile
        SlurmdPidFile={Dir}/run/slurmd.pidfile
        StateSaveLocation={Dir}/spool/ctld
        SlurmdSpoolDir={Dir}/spool/d
        SlurmctldLogFile={Dir}/log/slurmctld.log
        SlurmdLogFile={Dir}/log/slurmd.log
        NodeName=localhost CPUs={System.Environment.ProcessorCount} RealMemory=1000 State=UNKNOWN
        PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP

        """;

    /// <summary>Runs a Slurm client tool against this cluster; returns stdout (stderr joins it on failure).</summary>
    public string Client(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["SLURM_CONF"] = Conf;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? stdout : stdout + stderr.Result;
    }

    /// <summary>
    /// The state squeue shows for one task id (e.g. "3_0"), or "" when it lists none; a task never split off its
    /// array (cancelled while pending) is listed under the array's id ("3").
    /// </summary>
    public string State(string taskId)
    {
        var rows = Client("squeue", "-h", "-r", "-t", "all", "-j", taskId.Split('_')[0], "-o", "%i|%T")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).Where(f => f.Length == 2).ToList();
        return (rows.FirstOrDefault(f => f[0] == taskId) ?? rows.FirstOrDefault(f => f[0] == taskId.Split('_')[0]))?[1] ?? "";
    }

    /// <summary>
    /// The processes an array task runs (found by the SLURM_ARRAY_JOB_ID and SLURM_ARRAY_TASK_ID slurmd puts in their
    /// environment: `scontrol listpids` needs a proctrack plugin that tracks steps, and linuxproc does not for batch jobs).
    /// </summary>
    public static IReadOnlyList<int> TaskProcesses(string taskId)
    {
        var parts = taskId.Split('_');
        var want = new[] { $"SLURM_ARRAY_JOB_ID={parts[0]}", $"SLURM_ARRAY_TASK_ID={parts[1]}" };
        var pids = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var env = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (want.All(env.Contains)) pids.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended meanwhile
            }
        }
        return pids;
    }

    private Process StartDaemon(string path, string name)
    {
        var psi = new ProcessStartInfo(path, ["-D", "-f", Conf]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (p.WaitForExit(300)) throw new InvalidOperationException($"{name} exited at once ({p.ExitCode}): {Tail(name + ".log")}");
        return p;
    }

    private static void Exec(string path, params string[] args)
    {
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{path} failed ({p.ExitCode}): {err}");
    }

    private void WaitFor(Func<bool> condition, string what, string log, int seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (condition()) return;
            if (_daemons.FirstOrDefault(d => d.HasExited) is { } dead)
                throw new InvalidOperationException($"a Slurm daemon died ({dead.ExitCode}) waiting for {what}: {Tail(log)}");
            Thread.Sleep(200);
        }
        throw new InvalidOperationException($"timed out after {seconds} s waiting for {what}: {Tail(log)}");
    }

    private string Tail(string log)
    {
        var path = Path.Combine(Dir, "log", log);
        return File.Exists(path) ? string.Join(" | ", File.ReadAllLines(path).TakeLast(8)) : $"(no {log})";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops slurmd, slurmctld, then munged by PID: SIGTERM, up to 10 s, then SIGKILL.</summary>
    public void Dispose()
    {
        foreach (var daemon in Enumerable.Reverse(_daemons))
        {
            if (!daemon.HasExited)
            {
                _ = kill(daemon.Id, 15);
                if (!daemon.WaitForExit(10_000)) daemon.Kill();
            }
            daemon.Dispose();
        }
        _daemons.Clear();
        if (_mungedPid is { } pid)
        {
            _ = kill(pid, 15);
            for (var i = 0; i < 100 && kill(pid, 0) == 0; i++) Thread.Sleep(100);
            if (kill(pid, 0) == 0) _ = kill(pid, 9);
            _mungedPid = null;
        }
        try
        {
            Directory.Delete(Dir, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Sends a signal to a process (SIGINT to a submitter, SIGSTOP to a job).</summary>
    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern uint geteuid();
}
