namespace ScRepro.Core.Tests.Provenance;

/// <summary>
/// The tests that read repositories through libgit2 run one at a time: one of them points libgit2's process-wide
/// global-config search path at a temporary folder, which the others must not see half-way.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GitCollection
{
    public const string Name = "git";
}
