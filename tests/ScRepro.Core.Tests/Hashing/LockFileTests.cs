using System.Text.Json.Nodes;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Hashing;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Hashing;

public sealed class LockFileTests
{
    private const string ManifestSha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string CountsSha = "492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470";   // printf 'a,b\n1,2\n' | sha256sum
    private const string PerturbSha = "3608bca1e44ea6c4d268eb6db02260269892c0b42b86bbf1e77a6fa16c3c9282"; // printf 'xyz' | sha256sum

    private static TempDir Dataset()
    {
        var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("counts.csv"), "a,b\n1,2\n");
        Directory.CreateDirectory(dir.File("norman"));
        File.WriteAllText(dir.File("norman/perturb.h5ad"), "xyz");
        return dir;
    }

    private static LockFile PinBoth(string root, LockFile? previous = null, HashCache? cache = null) =>
        LockFile.Pin("norman2019", ManifestSha, root,
            [new ExpectedFile("norman/perturb.h5ad"), new ExpectedFile("counts.csv", CountsSha, 8)], previous, cache);

    [Fact]
    public void Should_pin_manifest_hashes_and_first_download_hashes_sorted_by_path()
    {
        using var dir = Dataset();
        var lockFile = PinBoth(dir.Path);

        Assert.Equal(
            [new LockedFile("counts.csv", 8, CountsSha, PinSource.Manifest),
             new LockedFile("norman/perturb.h5ad", 3, PerturbSha, PinSource.FirstDownload)],
            lockFile.Files);
        // The shell recipe's value (see CanonicalFormTests).
        Assert.Equal("bdd39b54247de50538615102caa7966b6e796b40881f46ff7a2229d330cbff7b", lockFile.LockSha256);
    }

    [Fact]
    public void Should_write_the_documented_json_and_read_it_back()
    {
        using var dir = Dataset();
        var lockFile = PinBoth(dir.Path);
        var path = dir.File("norman2019.lock.json");
        lockFile.Write(path);

        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(["version", "dataset", "manifest_sha256", "lock_sha256", "files"], json.Select(p => p.Key));
        Assert.Equal("first_download", json["files"]![1]!["pinned"]!.GetValue<string>());
        Assert.Equal("manifest", json["files"]![0]!["pinned"]!.GetValue<string>());

        var back = LockFile.Read(path);
        Assert.Equal(lockFile.LockSha256, back.LockSha256);
        Assert.Equal(lockFile.Files, back.Files);
        Assert.Equal("norman2019", back.Dataset);
        Assert.Equal(ManifestSha, back.ManifestSha256);
    }

    [Fact]
    public void Should_stop_on_a_tampered_file_showing_both_full_hashes()
    {
        using var dir = Dataset();
        var lockFile = PinBoth(dir.Path);
        File.WriteAllText(dir.File("norman/perturb.h5ad"), "xyZ");   // same size, different bytes

        var e = Assert.Throws<ScReproException>(() => lockFile.Verify(dir.Path));

        Assert.Contains(Path.Combine("norman", "perturb.h5ad"), e.Message);
        Assert.Contains($"expected {PerturbSha}", e.Message);
        // printf 'xyZ' | sha256sum
        Assert.Contains("actual 78e8e2f39f9124a6840a8c4b37ac6603d6fff0c42efb868879688aa967a4715c", e.Message);
        Assert.Contains("pinned on first download", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Should_refuse_a_file_that_differs_from_the_manifest_hash()
    {
        using var dir = Dataset();
        File.WriteAllText(dir.File("counts.csv"), "a,b\n1,3\n");
        var e = Assert.Throws<ScReproException>(() => PinBoth(dir.Path));
        Assert.Contains("counts.csv", e.Message);
        Assert.Contains($"expected {CountsSha} (pinned by the manifest)", e.Message);
    }

    [Fact]
    public void Should_hold_a_first_download_pin_on_the_next_run()
    {
        using var dir = Dataset();
        var first = PinBoth(dir.Path);
        File.WriteAllText(dir.File("norman/perturb.h5ad"), "abc");   // the "same" download now has other bytes
        var e = Assert.Throws<ScReproException>(() => PinBoth(dir.Path, previous: first));
        Assert.Contains($"expected {PerturbSha} (pinned on first download)", e.Message);
        // SHA-256("abc"), FIPS 180-2 B.1.
        Assert.Contains("actual ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", e.Message);
    }

    [Fact]
    public void Should_name_a_missing_file()
    {
        using var dir = Dataset();
        var lockFile = PinBoth(dir.Path);
        File.Delete(dir.File("counts.csv"));
        var e = Assert.Throws<ScReproException>(() => lockFile.Verify(dir.Path));
        Assert.Contains("counts.csv: file is missing", e.Message);
    }

    [Fact]
    public void Should_refuse_a_lock_whose_lock_hash_was_edited()
    {
        using var dir = Dataset();
        var path = dir.File("x.lock.json");
        PinBoth(dir.Path).Write(path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["files"]![0]!["sha256"] = PerturbSha;   // hand-edited pin, lock_sha256 left as it was
        File.WriteAllText(path, json.ToJsonString());

        var e = Assert.Throws<ScReproException>(() => LockFile.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("lock_sha256", e.Message);
    }

    [Theory]
    [InlineData("../escape.h5ad")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a\\b")]
    [InlineData("./a")]
    public void Should_refuse_paths_that_are_not_clean_relative_posix(string path)
    {
        var e = Assert.Throws<ScReproException>(() =>
            LockFile.Create("d", ManifestSha, [new LockedFile(path, 1, PerturbSha, PinSource.Manifest)]));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Should_refuse_unsorted_files_in_a_lock_file()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("u.lock.json");
        File.WriteAllText(path, $$"""
            {"version": 1, "dataset": "d", "manifest_sha256": "{{ManifestSha}}", "lock_sha256": "x",
             "files": [{"path": "z", "size": 1, "sha256": "{{PerturbSha}}", "pinned": "manifest"},
                       {"path": "a", "size": 1, "sha256": "{{PerturbSha}}", "pinned": "manifest"}]}
            """);
        var e = Assert.Throws<ScReproException>(() => LockFile.Read(path));
        Assert.Contains("not sorted", e.Message);
    }
}
