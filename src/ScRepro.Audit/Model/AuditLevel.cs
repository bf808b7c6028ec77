namespace ScRepro.Audit.Model;

/// <summary>How deep an audit goes (§2.5 levels L0–L3); each level includes the ones before it.</summary>
public enum AuditLevel
{
    /// <summary>L0: file hashes and a checkpoint that loads safely.</summary>
    Integrity,

    /// <summary>L1: card, commit, training stats, recipe, data and split.</summary>
    Provenance,

    /// <summary>L2: the stored predictions re-evaluated with ScRepro's evaluators.</summary>
    Evaluate,

    /// <summary>L3: the model re-run on the test split, then evaluated.</summary>
    Predict,
}
