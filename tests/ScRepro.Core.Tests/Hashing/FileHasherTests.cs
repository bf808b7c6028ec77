using System.Security.Cryptography;
using ScRepro.Core.Hashing;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Hashing;

public sealed class FileHasherTests
{
    [Fact]
    public void Should_match_the_fips_180_2_test_vector()
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("abc"), "abc");
        // SHA-256("abc") from FIPS 180-2, Appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FileHasher.Sha256(dir.File("abc")));
    }

    [Fact]
    public void Should_stream_files_larger_than_the_buffer_and_report_every_byte()
    {
        using var dir = TestPaths.NewTempDir();
        var bytes = new byte[3 * FileHasher.BufferSize + 7];   // three full buffers and a short tail
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(dir.File("big.bin"), bytes);
        long reported = 0;

        var sha = FileHasher.Sha256(dir.File("big.bin"), n => reported += n);

        // Oracle: .NET's one-shot SHA256 over the whole array.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha);
        Assert.Equal(bytes.Length, reported);
    }

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", false)]
    [InlineData("ba7816bf", false)]
    [InlineData(null, false)]
    public void Should_accept_only_lower_case_64_hex_digits(string? value, bool ok) =>
        Assert.Equal(ok, FileHasher.IsSha256Hex(value));
}
