using System.Text;
using System.Text.Json;
using ScRepro.Foundation.Errors;

namespace ScRepro.Papers;

/// <summary>
/// Lenient reading of an API's JSON, as the clients of these APIs read it: unknown fields are ignored, a field we
/// need that is missing or of the wrong kind is one error naming the URL and the field's path.
/// </summary>
internal static class ApiJson
{
    public static JsonElement Parse(Uri url, byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{url}: the response is not JSON ({e.Message}); first bytes: {Preview(body)}");
        }
    }

    public static string Preview(byte[] body) =>
        body.Length == 0 ? "(empty)" : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 80)).ReplaceLineEndings(" ");

    public static ScReproException Error(Uri url, string path, string message) => new($"{url}: field '{path}': {message}");

    public static JsonElement Required(Uri url, JsonElement obj, string path, string name, JsonValueKind kind)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw Error(url, path, $"expected an object, got {obj.ValueKind}");
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw Error(url, Join(path, name), "missing");
        if (value.ValueKind != kind) throw Error(url, Join(path, name), $"expected {Describe(kind)}, got {Describe(value.ValueKind)}");
        return value;
    }

    public static string RequiredString(Uri url, JsonElement obj, string path, string name) =>
        Required(url, obj, path, name, JsonValueKind.String).GetString()!;

    /// <summary>A string field, or null when absent or null; a number is read as its text (bioRxiv's "version" is a string, clients also see numbers).</summary>
    public static string? OptionalString(Uri url, JsonElement obj, string path, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Error(url, Join(path, name), $"expected a string, got {Describe(value.ValueKind)}"),
        };
    }

    public static IEnumerable<(JsonElement Item, string Path)> OptionalArray(Uri url, JsonElement obj, string path, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) throw Error(url, Join(path, name), $"expected a list, got {Describe(value.ValueKind)}");
        return value.EnumerateArray().Select((item, i) => (item, $"{Join(path, name)}[{i}]")).ToList();
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
