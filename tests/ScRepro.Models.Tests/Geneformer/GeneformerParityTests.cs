using System.Text.Json;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Geneformer;
using ScRepro.Models.Geneformer.Checkpoints;
using ScRepro.Models.Geneformer.Modules;
using ScRepro.Models.Geneformer.Tokenization;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Tests.Geneformer;

/// <summary>
/// Geneformer parity tests G2-G6 of scale-gpu-models.md §3.3 against make_geneformer_fixtures.py (torch 1.13, a
/// torch-only transcription of HF's BertForSequenceClassification, tiny random weights); expected numbers are read
/// from those fixtures.
/// </summary>
public sealed class GeneformerParityTests
{
    private static string Path(string name) => Fixtures.Path("geneformer", name);

    private static JsonElement Json(string name) => Fixtures.Json(System.IO.Path.Combine("geneformer", name));

    private static float[] Floats(JsonElement e) => e.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray();

    private static double MaxAbs(float[] a, float[] b) => a.Length != b.Length ? double.PositiveInfinity : a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();

    /// <summary>The script's TINY config: vocab 12, hidden 8, 2 layers, 2 heads, FFN 16, 16 positions.</summary>
    private static GeneformerConfig Tiny => new(12, 8, 2, 2, 16, 16, 0.02, 0.02);

    private static BertForSequenceClassification Classifier(string file, out GeneformerLoadReport report)
    {
        var model = new BertForSequenceClassification(Tiny, numLabels: 3);
        report = GeneformerCheckpoint.LoadPretrained(model, Path(file));
        // The new head's values are the script's draws (from_pretrained initialises them at random).
        using var _ = no_grad();
        var own = model.state_dict();
        foreach (var (k, v) in TorchCheckpoint.ReadStateDict(Path("new_head.pt")))
        {
            using var scope = NewDisposeScope();
            own[k].copy_(TensorBridge.ToTensor(v));
        }
        return model;
    }

    private static (Tensor Ids, Tensor Mask) Inputs(JsonElement f)
    {
        Tensor T(string name)
        {
            var rows = Fixtures.Longs2(f.GetProperty(name));
            return tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length], ScalarType.Int64);
        }
        return (T("input_ids"), T("attention_mask"));
    }

    [Theory]
    [InlineData("mlm_pytorch_model.bin", true, "tied")]
    [InlineData("mlm_model.safetensors", true, "re-tied")]
    [InlineData("mlm_model_no_position_ids.safetensors", false, "re-tied")]
    public void Should_load_an_mlm_checkpoint_into_the_classifier_and_match_the_forward_G4_G5(string file, bool positionIds, string decoder)
    {
        using var scope = NewDisposeScope();
        var f = Json("forward.json");
        using var model = Classifier(file, out var report);
        // from_pretrained's lists: missing = the new head, unexpected = the MLM head; position_ids with or without.
        Assert.Equal(f.GetProperty("missing").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal), report.NewlyInitialised.Order(StringComparer.Ordinal));
        var unexpected = f.GetProperty("unexpected").EnumerateArray().Select(x => x.GetString()!).Where(k => decoder == "tied" || !k.EndsWith("decoder.weight", StringComparison.Ordinal));
        Assert.Equal(unexpected.Order(StringComparer.Ordinal), report.Ignored.Order(StringComparer.Ordinal));
        Assert.Equal((positionIds, decoder), (report.PositionIds, report.Decoder));
        model.eval();
        using var _ = no_grad();
        var (ids, mask) = Inputs(f);
        var hidden = model.Bert.forward(ids, mask);
        Assert.True(MaxAbs(Floats(f.GetProperty("hidden")), hidden.data<float>()) <= 1e-5);
        Assert.True(MaxAbs(Floats(f.GetProperty("token0_hidden")), hidden.select(1, 0).data<float>()) <= 1e-5);
        Assert.True(MaxAbs(Floats(f.GetProperty("pooled")), model.Bert.Pooler.forward(hidden).data<float>()) <= 1e-5);
        Assert.True(MaxAbs(Floats(f.GetProperty("logits")), model.Logits(hidden).data<float>()) <= 1e-5);
        // The attention mask matters: the padded rows attend only to their tokens (all-ones would change row 2).
        var unmasked = model.forward(ids, ones_like(mask)).data<float>();
        Assert.True(MaxAbs(Floats(f.GetProperty("logits")), unmasked) > 1e-4);
    }

    [Fact]
    public void Should_refuse_an_untied_decoder_naming_the_file_and_key_G5()
    {
        using var model = new BertForSequenceClassification(Tiny, 3);
        var e = Assert.Throws<ScReproException>(() => GeneformerCheckpoint.LoadPretrained(model, Path("mlm_untied.safetensors")));
        Assert.Contains("mlm_untied.safetensors", e.Message);
        Assert.Contains("'cls.predictions.decoder.weight' differs from 'bert.embeddings.word_embeddings.weight'", e.Message);
        using var wider = new BertForSequenceClassification(Tiny with { HiddenSize = 16 }, 3);
        var e2 = Assert.Throws<ScReproException>(() => GeneformerCheckpoint.LoadPretrained(wider, Path("mlm_model.safetensors")));
        Assert.Contains("'bert.embeddings.word_embeddings.weight' has shape [12, 8]", e2.Message);
    }

    [Fact]
    public void Should_take_one_adamw_step_under_the_linear_warmup_as_pytorch_G6()
    {
        using var scope = NewDisposeScope();
        var f = Json("forward.json");
        var g = Json("adamw_step.json");
        using var model = Classifier("mlm_model.safetensors", out _);
        // The script trains with every dropout at p = 0; eval mode is the same computation (BERT has no other mode switch).
        model.eval();
        var schedule = new LinearWarmupSchedule(g.GetProperty("warmup_steps").GetInt32(), g.GetProperty("total_steps").GetInt32());
        var lr = 5e-5 * schedule.Factor(1);
        Assert.Equal(g.GetProperty("lr_at_step").GetDouble(), lr, 12);
        var optimizer = optim.AdamW(model.parameters(), lr, weight_decay: 0.001);
        var (ids, mask) = Inputs(f);
        var labels = tensor(g.GetProperty("labels").EnumerateArray().Select(x => x.GetInt64()).ToArray(), [3], ScalarType.Int64);
        var loss = nn.functional.cross_entropy(model.forward(ids, mask), labels);
        Assert.Equal(g.GetProperty("loss").GetDouble(), loss.item<float>(), 5);
        loss.backward();
        optimizer.step();
        var state = model.state_dict();
        foreach (var key in new[] { "classifier.weight", "bert.pooler.dense.weight", "bert.encoder.layer.1.output.dense.weight" })
            Assert.True(MaxAbs(Floats(g.GetProperty(key)), state[key].data<float>()) <= 1e-6, key);
    }

    [Fact]
    public void Should_rank_genes_as_tokenize_anndata_for_v1_and_v2_G2_G3()
    {
        var f = Json("tokenizer.json");
        var genes = f.GetProperty("genes").EnumerateArray().Select(x => x.GetString()!).ToArray();
        var medians = f.GetProperty("medians").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var tokens = f.GetProperty("tokens").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var counts = Fixtures.Floats2(f.GetProperty("counts"));
        var nCounts = f.GetProperty("n_counts").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var size = f.GetProperty("model_input_size").GetInt32();
        var v1 = new RankValueTokenizer(tokens, medians, GeneformerVersion.V1, size);
        var v2 = new RankValueTokenizer(tokens, medians, GeneformerVersion.V2, size);
        var cells = f.GetProperty("cells").EnumerateArray().ToList();
        for (var c = 0; c < cells.Count; c++)
        {
            // The stored CSR entries, with cell 0's explicitly stored zero (column 4) among them.
            var stored = cells[c].GetProperty("stored_columns").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            var values = stored.Select(j => counts[c][j]).ToArray();
            var firstEleven = stored.Where(j => j < 11).ToArray();
            Assert.Equal(cells[c].GetProperty("v1").EnumerateArray().Select(x => x.GetInt32()),
                v1.Tokenize(firstEleven, firstEleven.Select(j => counts[c][j]).ToArray(), nCounts[c], genes));
            // V2: column 11 repeats ENSG02, whose counts are summed; <cls> = 2 first, <eos> = 3 last.
            Assert.Equal(cells[c].GetProperty("v2").EnumerateArray().Select(x => x.GetInt32()), v2.Tokenize(stored, values, nCounts[c], genes));
        }
        Assert.Contains(4, cells[0].GetProperty("stored_columns").EnumerateArray().Select(x => x.GetInt32()));
    }
}
