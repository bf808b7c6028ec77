using ScRepro.Models.Scbert.Modules;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert;

/// <summary>Turns a PerformerLM into the fine-tuning model as finetune.py does, in its order.</summary>
public static class ScbertFineTuning
{
    /// <summary>
    /// Freezes every parameter, unfreezes the final norm and the chosen Performer layer, then replaces <c>to_out</c>
    /// with a new <see cref="ClassifierHead"/> (whose parameters are trainable). Returns the trainable parameters.
    /// </summary>
    public static IReadOnlyList<Parameter> Prepare(PerformerLM model, int classes, TrainableLayer layer)
    {
        foreach (var p in model.parameters()) p.requires_grad = false;
        foreach (var p in model.Norm.parameters()) p.requires_grad = true;
        var layers = model.Performer.Net.Layers;
        var index = layers.Count - (layer == TrainableLayer.Upstream ? 2 : 1);
        if (index < 0) throw new ArgumentException($"a {layers.Count}-layer Performer has no layers[{index - layers.Count}]");
        foreach (var p in layers[index].parameters()) p.requires_grad = true;
        var c = model.Config;
        model.ReplaceHead(new ClassifierHead(c.Dim, c.SeqLen, classes, c.HeadFirstHidden, c.HeadHidden, c.HeadDropout));
        return model.parameters().Where(p => p.requires_grad).ToList();
    }

    /// <summary>The manifest spelling of a trainable layer choice.</summary>
    public static TrainableLayer ParseLayer(string value, string source) => value switch
    {
        "upstream" or "-2" => TrainableLayer.Upstream,
        "boiarsky" or "-1" => TrainableLayer.Boiarsky,
        _ => throw new Foundation.Errors.ScReproException($"{source}: key 'hyperparameters.trainable_layer': expected upstream (layers[-2]) or boiarsky (layers[-1]), got '{value}'"),
    };
}
