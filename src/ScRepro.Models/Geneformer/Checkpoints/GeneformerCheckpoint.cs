using ScRepro.Foundation.Errors;
using ScRepro.Models.Geneformer.Modules;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Geneformer.Checkpoints;

/// <summary>
/// Loads a Geneformer pretrained file (pytorch_model.bin as torch.save wrote it, or model.safetensors) into the
/// sequence classifier as from_pretrained does (scale-gpu-models.md §3.2), but strictly: the file may lack only the
/// new head (bert.pooler.*, classifier.*), may carry only the MLM head (cls.*) beyond the model's keys, and its
/// position_ids, when present, must be 0…n−1. The MLM decoder is tied to the word embeddings: safetensors stores the
/// tied tensor once, so a missing decoder.weight is re-tied; a stored one must equal the embeddings.
/// </summary>
public static class GeneformerCheckpoint
{
    private const string PositionIds = "bert.embeddings.position_ids";
    private const string Decoder = "cls.predictions.decoder.weight";
    private const string WordEmbeddings = "bert.embeddings.word_embeddings.weight";

    public static GeneformerLoadReport LoadPretrained(BertForSequenceClassification model, string path)
    {
        var file = TorchCheckpoint.ReadStateDict(path).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var own = model.state_dict();
        var unknown = file.Keys.Where(k => !own.ContainsKey(k) && k != PositionIds && !k.StartsWith("cls.", StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new ScReproException($"Geneformer checkpoint {path}: keys the BERT classifier does not have: {string.Join(", ", unknown.Take(8))}"
                + (unknown.Count > 8 ? $" and {unknown.Count - 8} more" : ""));
        var missing = own.Keys.Where(k => !file.ContainsKey(k)).ToList();
        var notHead = missing.Where(k => !k.StartsWith("bert.pooler.", StringComparison.Ordinal) && !k.StartsWith("classifier.", StringComparison.Ordinal)).ToList();
        if (notHead.Count > 0)
            throw new ScReproException($"Geneformer checkpoint {path}: missing {string.Join(", ", notHead.Take(8))}"
                + (notHead.Count > 8 ? $" and {notHead.Count - 8} more" : "") + " (only the pooler and the classifier may be new)");
        foreach (var (key, target) in own)
        {
            if (!file.TryGetValue(key, out var stored)) continue;
            if (!stored.Shape.SequenceEqual(target.shape))
                throw new ScReproException($"Geneformer checkpoint {path}: '{key}' has shape [{string.Join(", ", stored.Shape)}], the model's is [{string.Join(", ", target.shape)}]");
            if (!stored.DType.IsFloatingPoint())
                throw new ScReproException($"Geneformer checkpoint {path}: '{key}' is {stored.DTypeName}, not a floating-point tensor");
        }
        var hasPositionIds = file.TryGetValue(PositionIds, out var ids);
        if (hasPositionIds) CheckPositionIds(ids!, path);
        var decoder = "none";
        if (file.Keys.Any(k => k.StartsWith("cls.predictions.", StringComparison.Ordinal)))
        {
            decoder = "re-tied";
            if (file.TryGetValue(Decoder, out var stored))
            {
                if (!stored.Shape.SequenceEqual(file[WordEmbeddings].Shape) || !stored.ToDoubleArray().AsSpan().SequenceEqual(file[WordEmbeddings].ToDoubleArray()))
                    throw new ScReproException($"Geneformer checkpoint {path}: '{Decoder}' differs from '{WordEmbeddings}' (Geneformer ties them; this file is not a tied BERT MLM)");
                decoder = "tied";
            }
        }
        using (no_grad())
        {
            foreach (var (key, target) in own)
            {
                if (!file.TryGetValue(key, out var stored)) continue;
                using var scope = NewDisposeScope();
                target.copy_(TensorBridge.ToTensor(stored).to(target.dtype, target.device));
            }
        }
        return new GeneformerLoadReport(own.Keys.Where(file.ContainsKey).ToList(), missing,
            file.Keys.Where(k => k.StartsWith("cls.", StringComparison.Ordinal)).ToList(), hasPositionIds, decoder);
    }

    private static void CheckPositionIds(StoredTensor ids, string path)
    {
        var values = ids.ToDoubleArray();
        if (ids.Shape.Count != 2 || ids.Shape[0] != 1 || values.Where((v, i) => v != i).Any())
            throw new ScReproException($"Geneformer checkpoint {path}: '{PositionIds}' is not arange(n) of shape [1, n] (absolute positions are 0…n−1)");
    }
}
