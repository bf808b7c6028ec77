using ScRepro.AnnData;
using ScRepro.Evaluation.Perturbation;
using ScRepro.Evaluation.Perturbation.Catalogue;
using ScRepro.Testing;

namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>The same check as PerturbationEvaluatorTests, starting from .h5ad files written by anndata (celleval_reference.py).</summary>
public sealed class H5adInputTests
{
    [Fact]
    public void Should_reproduce_the_reference_from_files_anndata_wrote()
    {
        var fx = FixtureCase.Load("basic");
        var real = AnnDataFile.Read(TestPaths.Fixture("evaluation", "perturbation", "basic_real.h5ad"));
        var pred = AnnDataFile.Read(TestPaths.Fixture("evaluation", "perturbation", "basic_pred.h5ad"));
        var eval = PerturbationEvaluator.Evaluate(real, pred, new PerturbationEvalOptions
        {
            PertCol = "target_gene", ControlPert = "ctrl", ClusteringAgreement = false, NumThreads = 2,
        });
        foreach (var metric in MetricCatalogue.All.Select(m => m.Name).Where(n => n != "clustering_agreement"))
        {
            var expected = fx.ExpectedColumn(metric);
            var actual = eval.Results.Column(metric);
            for (var i = 0; i < expected.Length; i++) Tolerance.AssertClose(expected[i], actual[i], $"{metric}[{i}]");
        }
    }
}
