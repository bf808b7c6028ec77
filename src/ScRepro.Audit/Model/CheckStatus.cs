namespace ScRepro.Audit.Model;

/// <summary>
/// The outcome of one check. UNVERIFIABLE (the check could not be made: an input is missing) never counts as a pass;
/// SKIPPED means the check does not apply to this subject (a folder has no Hub revision, a baseline has no checkpoint).
/// </summary>
public enum CheckStatus
{
    Fail,
    Warn,
    Unverifiable,
    Skipped,
    Pass,
}
