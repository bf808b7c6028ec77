namespace ScRepro.Hdf5;

/// <summary>One place libhdf5 may be: a soname the loader searches for, or a full path; and who ships it there.</summary>
public sealed record Hdf5Candidate(string NameOrPath, string Source);
