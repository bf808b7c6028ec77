using System.Text;

namespace ScRepro.Core.Hashing;

/// <summary>
/// The canonical form of a dataset lock, whose SHA-256 is the lock's <c>lock_sha256</c>.
/// <para>
/// For every file, sorted by path in ordinal (byte-wise UTF-16, which for the ASCII paths we have is
/// the same as <c>LC_ALL=C sort</c>) order, one line
/// <c>&lt;sha256&gt;  &lt;size&gt;  &lt;path&gt;\n</c>: the lower-case hex sha256, two spaces, the size in bytes as a
/// decimal integer, two spaces, the POSIX path relative to the dataset folder, and a line feed. The lines are
/// concatenated and encoded as UTF-8 without a byte-order mark; <c>lock_sha256</c> is the lower-case hex SHA-256 of
/// those bytes. An empty lock hashes the empty string.
/// </para>
/// <para>
/// To re-verify with standard tools (one <c>printf</c> per file, in sorted order):
/// <c>printf '%s  %s  %s\n' "$(sha256sum a.h5ad | cut -d' ' -f1)" "$(stat -c %s a.h5ad)" a.h5ad | sha256sum</c>;
/// for several files, print every line in order into one pipe:
/// <c>{ printf '%s  %s  %s\n' H1 S1 p1; printf '%s  %s  %s\n' H2 S2 p2; } | sha256sum</c>.
/// </para>
/// The manifest's own hash (<c>manifest_sha256</c>) is recorded beside it, not inside it: the lock hash says
/// "these bytes", whatever manifest described them.
/// </summary>
public static class CanonicalForm
{
    /// <summary>The canonical text: one <c>sha256␣␣size␣␣path\n</c> line per file, ordinal path order.</summary>
    public static string Text(IEnumerable<LockedFile> files)
    {
        var builder = new StringBuilder();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            builder.Append(file.Sha256).Append("  ")
                .Append(file.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("  ")
                .Append(file.Path).Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="Text"/>.</summary>
    public static string Sha256(IEnumerable<LockedFile> files) =>
        FileHasher.Sha256(new UTF8Encoding(false).GetBytes(Text(files)));
}
