namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>How a state dict meets a model.</summary>
public enum LoadMode
{
    /// <summary>torch's strict load_state_dict: every key present with its shape, nothing extra (a fine-tuned best_model.pt).</summary>
    Strict,

    /// <summary>
    /// scGPT's load_pretrained(strict=False, prefix=…): keep the checkpoint keys under the prefixes that the model has with
    /// the same shape; everything else is reported, and the model's other parameters keep their initial values.
    /// </summary>
    Pretrained,
}
