using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt;
using ScRepro.Testing;
using Xunit;

namespace ScRepro.Models.Tests.Scgpt;

public sealed class GeneVocabTests
{
    [Fact]
    public void Should_read_the_tiny_pretrained_vocab_with_specials_after_the_genes()
    {
        // Fixture: scgpt_tiny_pretrained/vocab.json = G0..G19 then <pad> <cls> <eoc> (make_scgpt_fixtures.py),
        // the same layout as whole-human (genes 0..60693, specials 60694..60696, spec §3.3).
        var v = GeneVocab.Load(Fixtures.Path("scgpt_tiny_pretrained", "vocab.json"));
        Assert.Equal(23, v.Count);
        Assert.Equal((20, 21, 22), (v.PadId, v.ClsId, v.EocId));
        Assert.Equal(5, v.IdOf("G5"));
        Assert.Equal("G5", v[5]);
    }

    [Fact]
    public void Should_map_unknown_genes_to_the_pad_id_and_count_the_found_ones()
    {
        var v = GeneVocab.FromGenes(["A", "B", "C"]);
        var (ids, found) = v.MapGenes(["C", "X", "A"]);
        Assert.Equal([2, 3, 0], ids); // <pad> is id 3: the default index scGPT sets
        Assert.Equal(2, found);
    }

    [Fact]
    public void Should_round_trip_through_json()
    {
        using var dir = TestPaths.NewTempDir();
        var v = GeneVocab.FromGenes(["A", "B"]);
        File.WriteAllText(dir.File("vocab.json"), v.ToJson());
        var back = GeneVocab.Load(dir.File("vocab.json"));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => v[i]), Enumerable.Range(0, 5).Select(i => back[i]));
    }

    [Theory]
    [InlineData("{\"A\": 0, \"<pad>\": 1, \"<cls>\": 2}", "<eoc>")]
    [InlineData("{\"A\": 0, \"B\": 0, \"<pad>\": 1, \"<cls>\": 2, \"<eoc>\": 3}", "id 0")]
    [InlineData("{\"A\": 9, \"<pad>\": 1, \"<cls>\": 2, \"<eoc>\": 3}", "id 9")]
    [InlineData("[1,2]", "not a {token: id}")]
    public void Should_reject_a_bad_vocab_naming_the_file_and_the_problem(string json, string expected)
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("vocab.json"), json);
        var e = Assert.Throws<ScReproException>(() => GeneVocab.Load(dir.File("vocab.json")));
        Assert.Contains("vocab.json", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Equal(2, e.ExitCode);
    }
}
