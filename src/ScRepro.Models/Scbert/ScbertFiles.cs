namespace ScRepro.Models.Scbert;

/// <summary>What an scBERT fine-tuning run leaves in its folder.</summary>
public static class ScbertFiles
{
    /// <summary>save_best_ckpt's dict {epoch, model_state_dict, losses}: loads with scBERT's own scripts.</summary>
    public const string BestModel = "scbert_best.pth";

    /// <summary>The architecture (ScbertConfig) the weights fit.</summary>
    public const string Config = "scbert_config.json";

    /// <summary>The class names in logit order.</summary>
    public const string Classes = "classes.json";
}
