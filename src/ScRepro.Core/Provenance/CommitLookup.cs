using LibGit2Sharp;
using ScRepro.Foundation.Errors;

namespace ScRepro.Core.Provenance;

/// <summary>
/// Looks a (possibly abbreviated) commit up in a local clone, offline, and checks that named paths exist at it
/// (`git cat-file -e &lt;sha&gt;:&lt;path&gt;`): what an audit needs to tell "this commit exists and holds the runner"
/// from "no such commit" and "ambiguous abbreviation".
/// </summary>
public static class CommitLookup
{
    /// <summary>Resolves <paramref name="sha"/> in the repository at or above <paramref name="repoPath"/>.</summary>
    public static CommitLookupResult Find(string repoPath, string sha, IEnumerable<string> paths)
    {
        var gitDir = Repository.Discover(Path.GetFullPath(repoPath));
        if (gitDir is null) return new CommitLookupResult(CommitLookupStatus.NotARepository, null, null, []);
        try
        {
            using var repo = new Repository(gitDir);
            Commit? commit;
            try
            {
                commit = repo.Lookup<Commit>(sha);
            }
            catch (AmbiguousSpecificationException)
            {
                return new CommitLookupResult(CommitLookupStatus.Ambiguous, null, null, []);
            }
            if (commit is null) return new CommitLookupResult(CommitLookupStatus.Missing, null, null, []);
            var missing = paths.Select(p => p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p)
                .Where(p => commit[p] is null).ToList();
            return new CommitLookupResult(CommitLookupStatus.Found, commit.Sha, commit.Committer.When, missing);
        }
        catch (LibGit2SharpException e)
        {
            throw new ScReproException($"{repoPath}: cannot read the git repository: {e.Message}", inner: e);
        }
    }
}
