namespace ScRepro.Verification.Comparison;

/// <summary>The verdict on a set of numbers (a model, an experiment, a whole run), from worst to best.</summary>
public enum Verdict
{
    /// <summary>Some number broke or went missing.</summary>
    Broken,

    /// <summary>Nothing broke, but something drifted, is new, or could not be compared.</summary>
    Drifted,

    /// <summary>Every gating number passed.</summary>
    Reproduced,
}
