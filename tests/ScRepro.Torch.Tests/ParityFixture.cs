using System.Text.Json;
using ScRepro.Testing;
using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Tests;

/// <summary>Reads tests/fixtures/torch/parity_*.json (written by scripts/gen_parity.py with python3-torch).</summary>
internal sealed class ParityFixture : IDisposable
{
    private readonly JsonDocument _doc;
    private readonly List<Tensor> _made = new();

    public ParityFixture(string name)
    {
        _doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("torch", $"parity_{name}.json")));
    }

    public IEnumerable<string> Names => _doc.RootElement.GetProperty("tensors").EnumerateObject().Select(p => p.Name);

    public bool Has(string name) => _doc.RootElement.GetProperty("tensors").TryGetProperty(name, out _);

    public JsonElement Scalar(string name) => _doc.RootElement.GetProperty("scalars").GetProperty(name);

    /// <summary>The named tensor, in its saved dtype; owned by the fixture.</summary>
    public Tensor this[string name]
    {
        get
        {
            var e = _doc.RootElement.GetProperty("tensors").GetProperty(name);
            var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
            var data = e.GetProperty("data");
            var t = e.GetProperty("dtype").GetString() switch
            {
                "float32" => tensor(data.EnumerateArray().Select(x => x.GetSingle()).ToArray(), shape),
                "float64" => tensor(data.EnumerateArray().Select(x => x.GetDouble()).ToArray(), shape),
                "int64" => tensor(data.EnumerateArray().Select(x => x.GetInt64()).ToArray(), shape),
                "bool" => tensor(data.EnumerateArray().Select(x => x.GetBoolean()).ToArray(), shape),
                var d => throw new NotSupportedException($"fixture dtype {d}"),
            };
            t.DetachFromDisposeScope();
            _made.Add(t);
            return t;
        }
    }

    /// <summary>Tensors whose names start with <paramref name="prefix"/>, keyed by the rest of the name.</summary>
    public Dictionary<string, Tensor> WithPrefix(string prefix) =>
        Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(n => n[prefix.Length..], n => this[n]);

    public void Dispose()
    {
        foreach (var t in _made) t.Dispose();
        _doc.Dispose();
    }
}
