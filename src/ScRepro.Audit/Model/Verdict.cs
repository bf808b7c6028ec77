namespace ScRepro.Audit.Model;

/// <summary>The audit's answer: BROKEN on any FAIL, DRIFTED on any WARN (or a required check that could not be made), else REPRODUCED.</summary>
public enum Verdict
{
    Reproduced,
    Drifted,
    Broken,
}
