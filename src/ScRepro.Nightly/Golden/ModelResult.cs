using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;

namespace ScRepro.Nightly.Golden;

/// <summary>
/// One model's numbers in one experiment with what they were made from: a golden file
/// (reports/golden/&lt;experiment&gt;/&lt;model&gt;/golden.json) and a nightly result have this one shape, so blessing
/// is a copy. Seeds are keyed by their decimal value.
/// </summary>
public sealed record ModelResult(
    string Schema,
    string Experiment,
    string Model,
    string Task,
    RunIdentity Run,
    ResultInputs Inputs,
    IReadOnlyDictionary<string, SeedResult> Seeds)
{
    public const string SchemaId = "screpro.golden/1";

    public const string FileName = "golden.json";

    public void Write(string path) => Json.WriteFile(path, this);

    /// <summary>Reads a result file; a file of another schema or that does not parse is one error naming it.</summary>
    public static ModelResult Read(string path)
    {
        ModelResult? result;
        try
        {
            result = Json.Deserialize<ModelResult>(File.ReadAllText(path));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ScReproException($"{path}: not a golden/result file: {e.Message}");
        }
        if (result?.Schema != SchemaId)
            throw new ScReproException($"{path}: key 'schema': expected '{SchemaId}', got '{result?.Schema}'");
        if (result.Seeds is null || result.Inputs is null || result.Run is null)
            throw new ScReproException($"{path}: missing 'seeds', 'inputs' or 'run'");
        return result;
    }
}
