namespace ScRepro.Models.Scbert;

/// <summary>
/// Which Performer layer fine-tuning unfreezes beside the final norm and the head (annotation-models.md §1.4):
/// scBERT's finetune.py trains <c>performer.net.layers[-2]</c>, Boiarsky et al.'s dist_finetune.py <c>layers[-1]</c>.
/// </summary>
public enum TrainableLayer
{
    /// <summary>layers[-2], the second to last (TencentAILabHealthcare/scBERT finetune.py).</summary>
    Upstream,

    /// <summary>layers[-1], the last (clinicalml/sc-foundation-eval dist_finetune.py).</summary>
    Boiarsky,
}
