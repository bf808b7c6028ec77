using System.Text;
using ScRepro.Audit.Identity;
using ScRepro.Testing;
using ScRepro.Torch.Serialization;

namespace ScRepro.Audit.Tests;

/// <summary>File and weight identities as git, git-lfs and the Hub compute them.</summary>
public sealed class IdentityTests
{
    [Fact]
    public void Should_hash_a_blob_as_git_does()
    {
        using var tmp = TestPaths.NewTempDir();
        File.WriteAllText(tmp.File("hello"), "hello\n");
        // `printf 'hello\n' | git hash-object --stdin` prints ce013625030ba8dba906f756967f9e9ca394464a.
        Assert.Equal("ce013625030ba8dba906f756967f9e9ca394464a", GitBlob.Sha1(tmp.File("hello")));
        // The empty blob's well-known id.
        Assert.Equal("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", GitBlob.Sha1(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Should_write_lfs_pointers_as_the_git_lfs_spec_does()
    {
        // The example pointer of git-lfs docs/spec.md.
        var p = new LfsPointer("4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393", 12345);
        Assert.Equal("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n", p.Text);
        Assert.Equal(GitBlob.Sha1(Encoding.UTF8.GetBytes(p.Text)), p.GitOid);
        Assert.Equal(FakeHub.Pointer(p.Sha256, p.Size), p.Text);
    }

    [Fact]
    public void Should_give_weights_an_identity_that_survives_re_saving()
    {
        using var tmp = TestPaths.NewTempDir();
        var a = StoredTensor.FromFloats([2, 2], [1f, 2f, 3f, 4f]);
        var b = StoredTensor.FromLongs([3], [7, 8, 9]);
        TorchCheckpoint.WriteStateDict(tmp.File("one.pt"), [new("w", a), new("b", b)], "one");
        // Other archive name, other key order: different file bytes, same weights.
        TorchCheckpoint.WriteStateDict(tmp.File("two.pt"), [new("b", b), new("w", a)], "another_name");
        Assert.NotEqual(Core.Hashing.FileHasher.Sha256(tmp.File("one.pt")), Core.Hashing.FileHasher.Sha256(tmp.File("two.pt")));
        var one = WeightIdentity.Sha256(TorchCheckpoint.ReadStateDict(tmp.File("one.pt")));
        Assert.Equal(one, WeightIdentity.Sha256(TorchCheckpoint.ReadStateDict(tmp.File("two.pt"))));
        // One value changed, or the same bytes under another dtype or shape, is another identity.
        Assert.NotEqual(one, WeightIdentity.Sha256([new("w", StoredTensor.FromFloats([2, 2], [1f, 2f, 3f, 5f])), new("b", b)]));
        Assert.NotEqual(one, WeightIdentity.Sha256([new("w", StoredTensor.FromFloats([4], [1f, 2f, 3f, 4f])), new("b", b)]));
    }
}
