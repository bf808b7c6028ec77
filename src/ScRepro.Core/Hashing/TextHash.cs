using System.Security.Cryptography;
using System.Text;

namespace ScRepro.Core.Hashing;

/// <summary>sha256 of UTF-8 text, and of a list of lines joined with '\n' (each line terminated).</summary>
public static class TextHash
{
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256Lines(IEnumerable<string> lines) => Sha256(string.Concat(lines.Select(l => l + "\n")));
}
