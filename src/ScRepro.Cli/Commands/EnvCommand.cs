using System.CommandLine;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Core.Provenance;
using ScRepro.Hdf5;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro env`: the runtime, machine and native libraries this checkout runs with, and which file each library
/// was loaded from: what provenance records, asked for before a run (a wrong libhdf5 is found here, not mid-DAG).
/// </summary>
internal static class EnvCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "print one JSON object instead of lines" };
        var command = new Command("env", "say which runtime, machine and native libraries (libhdf5, libgit2, libtorch) this checkout uses") { json };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var report = Collect();
            Console.Out.Write(parse.GetValue(json) ? Json.Serialize(report) : Describe(report));
            // Every stage needs libhdf5 and libgit2; libtorch only the scGPT models, so it does not fail the check.
            return report.Hdf5.StartsWith(NotLoadable, StringComparison.Ordinal)
                   || report.Libgit2.StartsWith(NotLoadable, StringComparison.Ordinal) ? 1 : 0;
        }));
        return command;
    }

    private const string NotLoadable = "not loadable: ";

    private static EnvReport Collect()
    {
        // Each library is reported on its own: one that cannot be loaded is the answer this command exists to give,
        // so its error becomes the line instead of ending the command.
        var machine = ProvenanceCapture.Capture(Environment.CurrentDirectory, new Dictionary<string, long>(), "screpro env");
        return new EnvReport(
            machine.ScreproVersion, machine.DotnetVersion, machine.Os, machine.CpuModel, machine.Threads,
            Try(() => Hdf5Loader.Current.Describe()),
            Hdf5Candidates.ForThisProcess().Select(c => $"{c.NameOrPath} ({c.Source})").ToList(),
            Try(GitLibrary.Describe),
            Try(() => "libtorch " + Torch.torch.__version__),
            machine.Commit, machine.Dirty);
    }

    private static string Try(Func<string> describe)
    {
        try
        {
            return describe();
        }
        catch (Exception e) when (e is ScReproException or DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return NotLoadable + e.GetBaseException().Message;
        }
    }

    private static string Describe(EnvReport r) =>
        $"""
        screpro   {r.ScreproVersion} (.NET {r.DotnetVersion})
        os        {r.Os}
        cpu       {r.CpuModel}, {r.Threads} threads
        libhdf5   {r.Hdf5}
                  tried in order: {string.Join(", ", r.Hdf5Candidates)}
        libgit2   {r.Libgit2}
        libtorch  {r.Libtorch}
        checkout  {r.Commit}{(r.Dirty ? " (dirty)" : "")}

        """;
}
