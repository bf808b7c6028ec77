using ScRepro.Evaluation.Annotation;
using ScRepro.Foundation.Errors;
using ScRepro.Tables;
using ScRepro.Testing;

namespace ScRepro.Evaluation.Tests.Annotation;

public sealed class PredictionsParquetTests
{
    [Fact]
    public void Should_write_labels_and_one_probability_column_per_class_in_the_models_order()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File(PredictionsParquet.File);
        LabelledPrediction[] rows = [new("cell-1", "B", "B"), new("cell-2", "T", "B")];
        // Hand-made probabilities: the file must carry them as given, bit for bit, under prob_<class>.
        PredictionsParquet.Write(path, rows, ["B", "T"], [[0.75, 0.25], [0.6, 0.4]]);

        var table = ParquetTable.Read(path);
        Assert.Equal(["obs_name", "true", "pred", "prob_B", "prob_T"], table.Columns.Select(c => c.Name));
        Assert.Equal<string?>(["cell-1", "cell-2"], table["obs_name"].TextValues.AsEnumerable());
        Assert.Equal<string?>(["T"], table["true"].TextValues.Skip(1));
        Assert.Equal<double?>([0.75, 0.6], table["prob_B"].Float64Values.AsEnumerable());
        Assert.Equal<double?>([0.25, 0.4], table["prob_T"].Float64Values.AsEnumerable());
    }

    [Fact]
    public void Should_write_labels_only_for_a_model_without_probabilities()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File(PredictionsParquet.File);
        PredictionsParquet.Write(path, [new LabelledPrediction("c", "x", "y")]);
        Assert.Equal(["obs_name", "true", "pred"], ParquetTable.Read(path).Columns.Select(c => c.Name));
    }

    [Fact]
    public void Should_refuse_probabilities_that_do_not_fit_the_rows_or_classes()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File(PredictionsParquet.File);
        var e = Assert.Throws<ScReproException>(() =>
            PredictionsParquet.Write(path, [new LabelledPrediction("c", "x", "y")], ["x", "y"], [[1.0]]));
        Assert.Equal($"{path}: 1 probability rows for 1 predictions and 2 classes", e.Message);
        Assert.False(File.Exists(path));
    }
}
