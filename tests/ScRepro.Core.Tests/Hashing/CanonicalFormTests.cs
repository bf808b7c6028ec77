using System.Security.Cryptography;
using System.Text;
using ScRepro.Core.Hashing;

namespace ScRepro.Core.Tests.Hashing;

public sealed class CanonicalFormTests
{
    private const string CountsSha = "492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470";   // printf 'a,b\n1,2\n' | sha256sum
    private const string PerturbSha = "3608bca1e44ea6c4d268eb6db02260269892c0b42b86bbf1e77a6fa16c3c9282"; // printf 'xyz' | sha256sum

    private static readonly LockedFile[] Files =
    [
        new("norman/perturb.h5ad", 3, PerturbSha, PinSource.FirstDownload),
        new("counts.csv", 8, CountsSha, PinSource.Manifest),
    ];

    [Fact]
    public void Should_hash_the_documented_lines_in_ordinal_path_order()
    {
        // The lines written out by hand, sorted by path, hashed with the one-shot SHA256: no ScRepro code involved.
        var text = $"{CountsSha}  8  counts.csv\n{PerturbSha}  3  norman/perturb.h5ad\n";
        Assert.Equal(text, CanonicalForm.Text(Files));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), CanonicalForm.Sha256(Files));
    }

    [Fact]
    public void Should_equal_the_sha256sum_recipe_in_the_readme()
    {
        // Expected value from the shell, exactly as README documents it:
        //   { printf '%s  %s  %s\n' 492d5e…7470 8 counts.csv; printf '%s  %s  %s\n' 3608bc…9282 3 norman/perturb.h5ad; } | sha256sum
        Assert.Equal("bdd39b54247de50538615102caa7966b6e796b40881f46ff7a2229d330cbff7b", CanonicalForm.Sha256(Files));
    }

    [Fact]
    public void Should_hash_an_empty_lock_as_the_empty_string()
    {
        // printf '' | sha256sum
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CanonicalForm.Sha256([]));
    }

    [Fact]
    public void Should_sort_ordinally_not_culturally()
    {
        // Ordinal: 'B' (0x42) < '_' (0x5F) < 'a' (0x61); a culture-aware sort would put "a" before "B".
        LockedFile F(string p) => new(p, 0, PerturbSha, PinSource.Manifest);
        var text = CanonicalForm.Text([F("a"), F("_"), F("B")]);
        Assert.Equal(["B", "_", "a"], text.TrimEnd('\n').Split('\n').Select(l => l.Split("  ")[2]));
    }
}
