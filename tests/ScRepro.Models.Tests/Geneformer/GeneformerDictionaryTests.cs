using ScRepro.Foundation.Errors;
using ScRepro.Models.Geneformer.Tokenization;
using ScRepro.Pickle;
using Xunit;

namespace ScRepro.Models.Tests.Geneformer;

/// <summary>G1 (scale-gpu-models.md §3.3): protocol-4 pickles of numpy scalars, made by make_geneformer_fixtures.py with pickle.dump.</summary>
public sealed class GeneformerDictionaryTests
{
    private static string Path(string name) => Fixtures.Path("geneformer", name);

    [Fact]
    public void Should_read_token_and_median_dictionaries_of_numpy_scalars_G1()
    {
        // Values as the script wrote them: '<pad>' 0 and '<mask>' 1 plain ints, genes numpy.int16 2..4; medians numpy.float64
        // (ENSG00000000003 → 2.001186019549122 is the real V1 dictionary's value, §3.3 G1).
        var tokens = GeneformerDictionaries.ReadTokens(Path("token_dictionary.pkl"));
        Assert.Equal(new Dictionary<string, int> { ["<pad>"] = 0, ["<mask>"] = 1, ["ENSG00000000003"] = 2, ["ENSG00000000005"] = 3, ["ENSG00000000419"] = 4 },
            tokens.OrderBy(kv => kv.Value).ToDictionary());
        var medians = GeneformerDictionaries.ReadMedians(Path("gene_median_dictionary.pkl"));
        Assert.Equal(2.001186019549122, medians["ENSG00000000003"]);
        Assert.Equal(634.3, medians["ENSG00000000419"]);
    }

    [Fact]
    public void Should_decode_every_numeric_width_and_byte_order_G1()
    {
        var d = (OrderedDictionary<object, object?>)Unpickler.Load(Path("numeric_scalars.pkl"), new NumpyScalarAllowList())!;
        // np.int8(-5), np.uint16(65000), np.int32(-70000), np.int64(2**40), np.float32(0.1) widened, a big-endian f8 1.25, np.uint8(200).
        Assert.Equal(-5L, d["i1"]);
        Assert.Equal(65000L, d["u2"]);
        Assert.Equal(-70000L, d["i4"]);
        Assert.Equal(1L << 40, d["i8"]);
        Assert.Equal((double)0.1f, d["f4"]);
        Assert.Equal(1.25, d["f8_big"]);
        Assert.Equal(200L, d["u1"]);
    }

    [Fact]
    public void Should_refuse_a_hostile_pickle_in_place_of_a_dictionary_naming_the_file_and_the_global()
    {
        // {"ENSG00000000003": os.system("echo pwned")} as pickle.dump writes it (protocol 4: STACK_GLOBAL posix.system).
        var path = Path("hostile_token_dictionary.pkl");
        var e = Assert.Throws<ScReproException>(() => GeneformerDictionaries.ReadTokens(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("refused pickle global posix.system", e.Message);
    }
}
