using System.Globalization;
using System.Text;

namespace ScRepro.Audit.Identity;

/// <summary>
/// A Git LFS pointer (git-lfs docs/spec.md): "version https://git-lfs.github.com/spec/v1\noid sha256:&lt;hex&gt;\nsize &lt;n&gt;\n".
/// The Hub keeps this format for Xet-backed repositories too, so the sha256 stays the content identity.
/// </summary>
public sealed record LfsPointer(string Sha256, long Size)
{
    /// <summary>The pointer text exactly as git-lfs writes it (version first, then keys in sorted order).</summary>
    public string Text => $"version https://git-lfs.github.com/spec/v1\noid sha256:{Sha256}\nsize {Size.ToString(CultureInfo.InvariantCulture)}\n";

    /// <summary>The pointer's git blob id: what the Hub reports as an LFS file's `oid`/`blobId`.</summary>
    public string GitOid => GitBlob.Sha1(Encoding.UTF8.GetBytes(Text));

    /// <summary>Length of the pointer text (the Hub's `pointerSize`).</summary>
    public int PointerSize => Encoding.UTF8.GetByteCount(Text);
}
