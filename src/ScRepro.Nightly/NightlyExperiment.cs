namespace ScRepro.Nightly;

/// <summary>
/// One experiment of nightly.yaml: its id, the tolerance profile its numbers are judged with, and whether it runs
/// only when its data is already present (paper experiments whose downloads a CI runner may not have).
/// </summary>
public sealed record NightlyExperiment(string Id, string Profile, bool OnlyWhenDataPresent);
