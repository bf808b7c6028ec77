using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Baselines.Perturbation;
using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines.Tests.Perturbation;

/// <summary>Small GEARS-style data whose predictions are computed by hand in each test.</summary>
public sealed class PerturbationBaselinesTests
{
    private static readonly PerturbationColumns Cols = new("condition", "ctrl");

    // 3 genes. ctrl cells: (1,2,3) and (3,2,1) → mean (2,2,2).
    // A+ctrl: (3,2,2),(3,2,2) → mean (3,2,2), shift (+1,0,0).  B+ctrl: (2,4,2) → shift (0,+2,0).
    // C+ctrl (test single, unseen): (9,9,9).  A+B (test combo): (4,4,1),(4,4,3) → mean (4,4,2).
    // A+C (test combo, C unseen).  Cell counts: ctrl 2, A 2, B 1, C 1, A+B 2, A+C 1.
    private static ScRepro.AnnData.AnnotatedData Data()
    {
        (string Cond, float[] Row)[] cells =
        [
            ("ctrl", [1, 2, 3]), ("ctrl", [3, 2, 1]),
            ("A+ctrl", [3, 2, 2]), ("A+ctrl", [3, 2, 2]),
            ("B+ctrl", [2, 4, 2]),
            ("C+ctrl", [9, 9, 9]),
            ("A+B", [4, 4, 1]), ("A+B", [4, 4, 3]),
            ("A+C", [0, 0, 0]),
        ];
        var x = new DenseMatrix(cells.Length, 3, cells.SelectMany(c => c.Row).ToArray());
        var obs = new DataFrame(cells.Select((_, i) => $"cell{i}").ToArray());
        obs.Add(CategoricalColumn.FromLabels("condition", cells.Select(c => (string?)c.Cond).ToArray()));
        var var = new DataFrame(["A", "B", "C"]);
        return new ScRepro.AnnData.AnnotatedData(CsrMatrix.FromDense(x), obs, var);
    }

    private static readonly string[] Train = ["ctrl", "A+ctrl", "B+ctrl"];
    private static readonly Dictionary<string, object?> NoHp = new();

    [Fact]
    public void Should_predict_the_control_mean_for_every_condition()
    {
        var model = PerturbationBaselines.Fit("control_mean", Data(), Cols, Train, NoHp, seed: 0);
        Assert.Equal([2.0, 2.0, 2.0], model.PredictMean("A+B"));
        Assert.Equal([2.0, 2.0, 2.0], model.PredictMean("ctrl"));
    }

    [Fact]
    public void Should_add_the_average_training_shift_for_train_mean()
    {
        // Shifts (+1,0,0) and (0,+2,0), each perturbation weighted once → (+0.5,+1,0).
        var model = PerturbationBaselines.Fit("train_mean", Data(), Cols, Train, NoHp, seed: 0);
        Assert.Equal([2.5, 3.0, 2.0], model.PredictMean("C+ctrl"));
        Assert.Equal([2.5, 3.0, 2.0], model.PredictMean("A+B"));
    }

    [Fact]
    public void Should_sum_single_shifts_for_a_combination_exactly()
    {
        var model = PerturbationBaselines.Fit("additive", Data(), Cols, Train, NoHp, seed: 0);
        // A+B = ctrl + shift(A) + shift(B) = (2,2,2) + (1,0,0) + (0,2,0): here exactly the real A+B mean.
        Assert.Equal([3.0, 4.0, 2.0], model.PredictMean("A+B"));
        // A seen alone: its own training mean.
        Assert.Equal([3.0, 2.0, 2.0], model.PredictMean("A+ctrl"));
        // C unseen: falls back to the train-mean shift (+0.5,+1,0); A+C = ctrl + (1,0,0) + (0.5,1,0).
        Assert.Equal([2.5, 3.0, 2.0], model.PredictMean("C+ctrl"));
        Assert.Equal([3.5, 3.0, 2.0], model.PredictMean("A+C"));
    }

    [Fact]
    public void Should_write_as_many_rows_as_real_cells_with_the_input_var()
    {
        var data = Data();
        var model = PerturbationBaselines.Fit("additive", data, Cols, Train, NoHp, seed: 0);
        var pred = model.Predict(["ctrl", "A+B", "A+C"]);
        Assert.Equal(2 + 2 + 1, pred.NObs);
        Assert.Same(data.Var, pred.Var);
        Assert.Equal(["ctrl", "ctrl", "A+B", "A+B", "A+C"],
            Enumerable.Range(0, pred.NObs).Select(i => pred.Obs["condition"].GetString(i)));
        Assert.Equal(pred.ObsNames.Length, pred.ObsNames.Distinct().Count());
        var x = (DenseMatrix)pred.X!;
        Assert.Equal([3f, 4f, 2f], x.Row(2).ToArray());
        Assert.Equal([2f, 2f, 2f], x.Row(0).ToArray());
    }

    [Fact]
    public void Should_fit_the_linear_model_in_closed_form()
    {
        // Two training perturbations, one PCA component: Yc = ±(0.5,−1,0) around b = (2.5,3,2); G = u = (0.5,−1,0)/√1.25
        // up to sign. P = G rows of the perturbed genes: p_A = u_A, p_B = u_B. W = (1+λ)⁻¹ uᵀYcP (PᵀP+λ)⁻¹ (scalars).
        var model = PerturbationBaselines.Fit("linear_pca_ridge", Data(), Cols, Train,
            new Dictionary<string, object?> { ["n_components"] = 10L, ["ridge_lambda"] = 0.1 }, seed: 0);
        var u = new[] { 0.5, -1.0, 0.0 }.Select(v => v / Math.Sqrt(1.25)).ToArray();
        var yc = new[] { new[] { 0.5, -1.0, 0.0 }, new[] { -0.5, 1.0, 0.0 } }; // A, B
        var p = new[] { u[0], u[1] };
        var utycp = yc.Select((col, i) => col.Zip(u, (a, b) => a * b).Sum() * p[i]).Sum();
        var w = utycp / (1 + 0.1) / (p.Sum(v => v * v) + 0.1);
        double[] Expected(double embed) => [2.5 + u[0] * w * embed, 3 + u[1] * w * embed, 2 + u[2] * w * embed];
        var a = model.PredictMean("A+ctrl");
        var ab = model.PredictMean("A+B");
        var eA = Expected(p[0]);
        var eAB = Expected(p[0] + p[1]);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(eA[j], a[j], 1e-10);
            Assert.Equal(eAB[j], ab[j], 1e-10);
        }
        Assert.Equal(1, model.Hyperparameters["n_components_used"]);
        // A gene outside var has no embedding: the prediction is the training mean b.
        var z = model.PredictMean("ZZZ+ctrl");
        Assert.Equal([2.5, 3.0, 2.0], z.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Should_reject_unknown_kinds_hyperparameters_and_conditions()
    {
        Assert.Throws<ScReproException>(() => PerturbationBaselines.Fit("magic", Data(), Cols, Train, NoHp, 0));
        Assert.Throws<ScReproException>(() => PerturbationBaselines.Fit("additive", Data(), Cols, Train,
            new Dictionary<string, object?> { ["alpha"] = 1L }, 0));
        Assert.Throws<ScReproException>(() => PerturbationBaselines.Fit("additive", Data(), Cols, ["ctrl", "Q+ctrl"], NoHp, 0));
        var model = PerturbationBaselines.Fit("control_mean", Data(), Cols, Train, NoHp, 0);
        Assert.Throws<ScReproException>(() => model.Predict(["Q+R"]));
    }
}
