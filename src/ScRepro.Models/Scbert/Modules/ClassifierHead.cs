using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>
/// The fine-tuning head (finetune.py's <c>Identity</c>; annotation-models.md §2.3): Conv2d(1, 1, (1, dim)), a
/// per-position dot product with one shared bias, → ReLU → flatten (batch, positions) → fc1 (positions → 512) → ReLU →
/// dropout → fc2 (512 → h_dim) → ReLU → dropout → fc3 (h_dim → classes). It reads every position, CLS included, so
/// it is tied to the gene count it was built for.
/// </summary>
public sealed class ClassifierHead : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly Linear fc1;
    private readonly Dropout dropout1;
    private readonly Linear fc2;
    private readonly Dropout dropout2;
    private readonly Linear fc3;

    public ClassifierHead(int dim, int positions, int classes, int firstHidden = 512, int hidden = 128, double dropout = 0) : base(nameof(ClassifierHead))
    {
        conv1 = Conv2d(1, 1, (1, dim));
        fc1 = Linear(positions, firstHidden);
        dropout1 = Dropout(dropout);
        fc2 = Linear(firstHidden, hidden);
        dropout2 = Dropout(dropout);
        fc3 = Linear(hidden, classes);
        RegisterComponents();
    }

    /// <param name="input">Encoder output (batch, positions, dim).</param>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = conv1.forward(input.unsqueeze(1)).relu();
        x = x.view(x.shape[0], -1);
        x = dropout1.forward(fc1.forward(x).relu());
        x = dropout2.forward(fc2.forward(x).relu());
        return fc3.forward(x).MoveToOuterDisposeScope();
    }
}
