using ScRepro.Evaluation.Annotation;
using ScRepro.Evaluation.Perturbation.De;
using ScRepro.Evaluation.Perturbation.Results;
using ScRepro.Foundation.Errors;
using ScRepro.Pipeline.Figures;
using ScRepro.Pipeline.Stages;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// The figure inputs read back exactly what the Evaluate stage's writers wrote (round trips through the real
/// writers, labels with commas and quotes included), and a damaged table is one error naming file, line and column.
/// </summary>
public sealed class EvalTablesTests
{
    [Fact]
    public void Should_read_per_class_scores_and_confusion_cells_as_the_annotation_writer_wrote_them()
    {
        using var dir = TestPaths.NewTempDir();
        string[] truth = ["CD4+, naive", "CD4+, naive", "B \"memory\"", "NK", "NK", "NK"];
        string[] pred = ["CD4+, naive", "NK", "B \"memory\"", "NK", "NK", "CD4+, naive"];
        var rows = truth.Select((t, i) => new LabelledPrediction($"c{i}", t, pred[i])).ToList();
        var evaluation = AnnotationEvaluation.Compute([("seed0", rows)]);
        AnnotationReportWriter.Write(dir.Path, evaluation);

        var report = evaluation.Reports[0];
        var scores = PerClassResults.Read(dir.File("per_class.csv"));
        Assert.Equal(report.PerClass.Select(c => (c.Label, c.F1, c.Support)), scores.Select(s => (s.Label, s.F1, s.Support)));
        var cells = EvalTables.Confusion(dir.File("confusion_matrix.csv"));
        // Non-zero cells only: 2 of the 3 NK cells right, one called CD4+ naive, and so on; 6 cells in all.
        Assert.Equal(6, cells.Sum(c => c.Count));
        Assert.Contains(("NK", "NK", 2L), cells);
        Assert.Contains(("NK", "CD4+, naive", 1L), cells);
        Assert.DoesNotContain(cells, c => c.Count == 0);
    }

    [Fact]
    public void Should_read_a_de_table_as_the_perturbation_writer_wrote_it_grouped_by_target()
    {
        using var dir = TestPaths.NewTempDir();
        var a = new TargetDe("A+ctrl", 5, 10, [2, 0], [1, 0], [1, double.NegativeInfinity], [100, double.NaN], [0.01, 1], [3, 0], [0.02, double.NaN]);
        var b = new TargetDe("B+ctrl", 5, 10, [4, 1], [1, 1], [2, 0], [300, 0], [0.001, 1], [4, 0], [0.002, 1]);
        File.WriteAllText(dir.File("real_de.csv"), PerturbationCsvWriter.DeTableCsv(new DeTable("ctrl", ["g1", "g,2"], [a, b])));
        var table = EvalTables.De(dir.File("real_de.csv"));
        Assert.Equal(["A+ctrl", "B+ctrl"], table.Keys.Order(StringComparer.Ordinal));
        var g1 = table["A+ctrl"][0];
        Assert.Equal(("g1", 2.0, 1.0, 1.0, 0.02), (g1.Gene, g1.TargetMean, g1.ReferenceMean, g1.Log2FoldChange, g1.Fdr));
        Assert.Equal("g,2", table["A+ctrl"][1].Gene);
        Assert.True(double.IsNaN(table["A+ctrl"][1].Fdr));
        Assert.Equal(double.NegativeInfinity, table["A+ctrl"][1].Log2FoldChange);   // written "-inf", as pdex's zero-mean genes give
        Assert.Equal(Math.Log(5) - Math.Log(2), table["B+ctrl"][0].Delta, 12);   // log1p(4) − log1p(1)
    }

    [Fact]
    public void Should_name_the_file_line_and_column_of_a_damaged_table()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("per_class.csv"), "run,label,precision,recall,f1,support\nseed0,B,1,1,high,3\n");
        var e = Assert.Throws<ScReproException>(() => PerClassResults.Read(dir.File("per_class.csv")));
        Assert.Contains("per_class.csv:2: column 'f1': 'high' is not a number", e.Message);
        File.WriteAllText(dir.File("confusion_matrix.csv"), "run,true,count\nseed0,B,3\n");
        e = Assert.Throws<ScReproException>(() => EvalTables.Confusion(dir.File("confusion_matrix.csv")));
        Assert.Contains("confusion_matrix.csv: no column 'pred'", e.Message);
    }
}
