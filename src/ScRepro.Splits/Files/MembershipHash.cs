using System.Security.Cryptography;
using System.Text;
using ScRepro.Foundation.Errors;
using ScRepro.Splits.Text;

namespace ScRepro.Splits.Files;

/// <summary>
/// The identity of a split: two split files with the same membership hash put the same members in the same parts,
/// whatever made them and in whatever order they list them.
/// <para>
/// <c>membership_hash</c> is the lowercase hex SHA-256 of the UTF-8 bytes of the canonical membership text: one line
/// <c>&lt;part&gt;\t&lt;member&gt;\n</c> for every member occurrence of the parts <c>train</c>, <c>val</c> and
/// <c>test</c> (a member listed twice, as in an oversampled train set, gives two identical lines; subgroups are not
/// included), with the lines sorted by the byte order of their UTF-8 encoding (Unicode code point order, what
/// <c>LC_ALL=C sort</c> does). No header, nothing else; no lines at all hash to SHA-256 of the empty string.
/// Members may not contain a tab, a line feed or a carriage return. To recompute it from a split file:
/// <c>jq -r '(.train[]|"train\t"+.),(.val[]|"val\t"+.),(.test[]|"test\t"+.)' split.json | LC_ALL=C sort | sha256sum</c>
/// </para>
/// </summary>
public static class MembershipHash
{
    /// <summary>The parts that enter the hash, in the order they are named in the spec (sorting decides the text).</summary>
    public static readonly IReadOnlyList<string> Parts = ["train", "val", "test"];

    /// <summary>The canonical membership text (see the type summary).</summary>
    public static string CanonicalText(IReadOnlyList<string> train, IReadOnlyList<string> val, IReadOnlyList<string> test)
    {
        var lines = new List<string>(train.Count + val.Count + test.Count);
        void Add(string part, IReadOnlyList<string> members)
        {
            foreach (var m in members)
            {
                if (m.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
                    throw new ScReproException($"{part} member '{m.ReplaceLineEndings(" ")}' contains a tab or line break, which a split member may not");
                lines.Add(part + "\t" + m);
            }
        }
        Add("train", train);
        Add("val", val);
        Add("test", test);
        lines.Sort(CodePointComparer.Instance);
        var sb = new StringBuilder();
        foreach (var l in lines) sb.Append(l).Append('\n');
        return sb.ToString();
    }

    /// <summary>SHA-256 (lowercase hex) of the canonical text's UTF-8 bytes.</summary>
    public static string Compute(IReadOnlyList<string> train, IReadOnlyList<string> val, IReadOnlyList<string> test)
    {
        byte[] bytes;
        try
        {
            bytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(CanonicalText(train, val, test));
        }
        catch (EncoderFallbackException e)
        {
            throw new ScReproException("a split member is not valid Unicode (unpaired surrogate)", inner: e);
        }
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
