using System.Globalization;
using ScRepro.Foundation.Errors;

namespace ScRepro.Pipeline;

/// <summary>
/// One pipeline run at a time per project tree: an exclusive advisory lock on runs/.screpro.lock, held while a stage
/// runs and released by the kernel when the process ends, however it ends (.NET opens a FileShare.None stream with
/// flock(LOCK_EX|LOCK_NB) on Unix). Who holds it is written to runs/.screpro.lock.owner (a second process cannot read
/// the locked file itself). Re-entrant within a process. A second process is refused at once, naming the holder's PID;
/// with <c>SCREPRO_LOCK_WAIT_S</c> it waits that many seconds first.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>Exit code of a run refused because another holds the tree (EX_TEMPFAIL: try again later).</summary>
    public const int BusyExitCode = ExitCodes.Busy;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (FileStream Stream, int Count)> Held = new(StringComparer.Ordinal);
    private static readonly HashSet<string> Delegated = new(StringComparer.Ordinal);
    private readonly string _path;
    private bool _disposed;
    private bool _delegate;

    private RunLock(string path) => _path = path;

    public static string PathFor(string root) => Path.Combine(Path.GetFullPath(root), "runs", ".screpro.lock");

    /// <summary>Whether this process holds the lock of <paramref name="root"/>, itself or as its submitter's delegate.</summary>
    public static bool IsHeld(string root)
    {
        lock (Gate) return Held.ContainsKey(PathFor(root)) || Delegated.Contains(PathFor(root));
    }

    /// <summary>
    /// Lets a Slurm array task run its one unit under its submitter's hold instead of taking the lock (its siblings
    /// run at the same time, and the submitter, or the re-run that adopts the array, holds the tree while they run).
    /// Only for a task whose SCREPRO_RUN_LOCK_TOKEN equals the token of the submission it runs (checked by the caller).
    /// </summary>
    public static RunLock Delegate(string root)
    {
        var path = PathFor(root);
        lock (Gate) Delegated.Add(path);
        return new RunLock(path) { _delegate = true };
    }

    /// <summary>Takes the tree's lock (or joins this process's hold on it); dispose to release.</summary>
    public static RunLock Acquire(string root, string commandLine)
    {
        var path = PathFor(root);
        lock (Gate)
        {
            if (Held.TryGetValue(path, out var held))
            {
                Held[path] = (held.Stream, held.Count + 1);
                return new RunLock(path);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var waitS = double.TryParse(Environment.GetEnvironmentVariable("SCREPRO_LOCK_WAIT_S"), NumberStyles.Float,
                CultureInfo.InvariantCulture, out var w) ? w : 0;
            var deadline = DateTime.UtcNow.AddSeconds(waitS);
            while (true)
            {
                try
                {
                    var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    File.WriteAllText(path + ".owner",
                        $"pid {Environment.ProcessId} since {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}: {commandLine}\n");
                    Held[path] = (stream, 1);
                    return new RunLock(path);
                }
                catch (IOException) when (File.Exists(path))
                {
                    if (DateTime.UtcNow >= deadline)
                        throw new ScReproException(
                            $"{path}: another ScRepro run holds this tree ({Owner(path)}); wait for it to finish " +
                            "(or set SCREPRO_LOCK_WAIT_S to wait), or stop that process", BusyExitCode);
                    Thread.Sleep(200);
                }
            }
        }
    }

    private static string Owner(string path)
    {
        try
        {
            return File.ReadAllText(path + ".owner").Trim();
        }
        catch (IOException)
        {
            return "owner unknown";
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (Gate)
        {
            if (_delegate)
            {
                Delegated.Remove(_path);
                return;
            }
            var (stream, count) = Held[_path];
            if (count > 1)
            {
                Held[_path] = (stream, count - 1);
                return;
            }
            Held.Remove(_path);
            try { File.Delete(_path + ".owner"); } catch (IOException) { }
            stream.Dispose();
        }
    }
}
