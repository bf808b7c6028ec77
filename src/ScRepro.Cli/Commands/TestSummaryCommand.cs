using System.CommandLine;
using ScRepro.Core.Reports;

namespace ScRepro.Cli.Commands;

/// <summary>`screpro test-summary DIR`: the Test target's closing line over every project's trx file; exit 1 unless tests ran and none failed.</summary>
internal static class TestSummaryCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("results") { Description = "folder holding the *.trx files of dotnet test --logger trx" };
        var command = new Command("test-summary", "print 'Test: N passed, N failed, N skipped' over every trx file in a folder") { folder };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var summary = TrxSummary.Read(parse.GetValue(folder)!);
            Console.Out.WriteLine(summary);
            if (summary.Files == 0 || summary.Passed == 0) Console.Error.WriteLine("test-summary: no test ran");
            return summary.Succeeded ? 0 : 1;
        }));
        return command;
    }
}
