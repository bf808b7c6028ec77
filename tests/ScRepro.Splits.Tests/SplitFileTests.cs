using System.Text.Json;
using System.Text.Json.Nodes;
using ScRepro.Foundation.Errors;
using ScRepro.Splits.Files;
using ScRepro.Testing;

namespace ScRepro.Splits.Tests;

public sealed class SplitFileTests
{
    // The members of tests/fixtures/splits/membership_canonical.txt, in a scrambled order. That file was built by hand
    // with printf | LC_ALL=C sort, and `sha256sum membership_canonical.txt` printed the hash below.
    private static readonly string[] Train = ["ctrl", "A+ctrl", "B+C", "A+ctrl", "Émile", "a"];
    private static readonly string[] Val = ["ctrl+D"];
    private static readonly string[] Test = ["Z+ctrl", "B+ctrl", "\uFB00x", "\U0001D538y", "日本"];
    private const string Sha256SumOfCanonicalText = "e0bc739ac93e9c8d3579705585bf8bd4f082189e5150d93ec5d835d3bde9a2fd";

    [Fact]
    public void Should_hash_the_canonical_text_as_sha256sum_does()
    {
        var text = MembershipHash.CanonicalText(Train, Val, Test);
        Assert.Equal(File.ReadAllText(TestPaths.Fixture("splits", "membership_canonical.txt")), text);
        Assert.Equal(Sha256SumOfCanonicalText, MembershipHash.Compute(Train, Val, Test));
        // Order inside a part does not matter; which part a member is in does.
        Assert.Equal(Sha256SumOfCanonicalText, MembershipHash.Compute(Train.Reverse().ToArray(), Val, Test.Reverse().ToArray()));
        Assert.NotEqual(Sha256SumOfCanonicalText, MembershipHash.Compute(Train, Test, Val));
        // Multiplicity matters (oversampled train sets list a cell more than once).
        Assert.NotEqual(Sha256SumOfCanonicalText, MembershipHash.Compute(Train.Distinct().ToArray(), Val, Test));
        // `printf '' | sha256sum`
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MembershipHash.Compute([], [], []));
    }

    [Fact]
    public void Should_refuse_members_that_would_break_the_line_format()
    {
        Assert.Throws<ScReproException>(() => MembershipHash.Compute(["a\tb"], [], []));
        Assert.Throws<ScReproException>(() => MembershipHash.Compute([], ["a\nb"], []));
    }

    [Fact]
    public void Should_write_and_read_back_a_split_file_byte_identically()
    {
        using var dir = TestPaths.NewTempDir();
        var labels = new Dictionary<string, string> { ["c1"] = "T", ["c2"] = "B", ["c3"] = "T", ["c4"] = "B" };
        var provenance = new JsonObject { ["git_commit"] = "abc123" };
        var split = SplitFiles.Create("stratified", 2022, new Dictionary<string, object?> { ["test_size"] = 0.2 }, "obs",
            ["c3", "c1"], [], ["c2", "c4"], labelOf: m => labels[m], sourceLockHash: "sha256:feed", provenance: provenance);
        var path = dir.File("split.json");
        SplitFiles.Write(path, split);
        var text = File.ReadAllText(path);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        Assert.Equal("screpro-split/1", root.GetProperty("format").GetString());
        Assert.Equal(2, root.GetProperty("counts").GetProperty("train").GetInt32());
        Assert.Equal(2, root.GetProperty("class_counts").GetProperty("train").GetProperty("T").GetInt32());
        Assert.Equal("sha256:feed", root.GetProperty("source_lock_hash").GetString());
        Assert.Equal("abc123", root.GetProperty("provenance").GetProperty("git_commit").GetString());
        Assert.Equal(["c3", "c1"], root.GetProperty("train").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(MembershipHash.Compute(["c1", "c3"], [], ["c2", "c4"]), root.GetProperty("membership_hash").GetString());

        var back = SplitFiles.Read(path);
        Assert.Equal(split.MembershipHash, back.MembershipHash);
        Assert.Equal(split.Train, back.Train);
        var path2 = dir.File("again.json");
        SplitFiles.Write(path2, SplitFiles.Create("stratified", 2022, new Dictionary<string, object?> { ["test_size"] = 0.2 }, "obs",
            ["c3", "c1"], [], ["c2", "c4"], labelOf: m => labels[m], sourceLockHash: "sha256:feed", provenance: provenance));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(path2));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Should_refuse_a_hand_edited_split_file_naming_the_field()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("split.json");
        SplitFiles.Write(path, SplitFiles.Create("holdout", 0, new Dictionary<string, object?>(), "obs", ["a", "b"], [], ["c"]));
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"c\"", "\"d\""));
        var e = Assert.Throws<ScReproException>(() => SplitFiles.Read(path));
        Assert.Contains("membership_hash", e.Message);
        Assert.Contains(path, e.Message);
        File.WriteAllText(path, "{\"format\": \"other\"}");
        Assert.Throws<ScReproException>(() => SplitFiles.Read(path));
    }
}
