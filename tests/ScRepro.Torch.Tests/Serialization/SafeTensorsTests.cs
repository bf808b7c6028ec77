using ScRepro.Foundation.Errors;
using ScRepro.Testing;
using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>safetensors against the file make_fixtures.py wrote to the format spec.</summary>
public sealed class SafeTensorsTests
{
    [Fact]
    public void Should_write_the_same_bytes_as_the_reference_layout()
    {
        // make_fixtures.py orders tensors as the reference writer does (dtype alignment descending, then name),
        // writes compact JSON with __metadata__ first and pads with spaces: our writer must agree byte for byte.
        var path = ExpectedSummary.Path("tensors.safetensors");
        var checkpoint = TorchCheckpoint.Read(path);
        var bytes = SafeTensorsFile.Serialize(checkpoint.Tensors(), checkpoint.Metadata);
        Assert.Equal(File.ReadAllBytes(path), bytes);
    }

    [Fact]
    public void Should_write_views_contiguously_and_read_them_back()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("views.safetensors");
        var tensors = TorchCheckpoint.ReadStateDict(ExpectedSummary.Path("views.pt"));
        SafeTensorsFile.Write(path, tensors);
        var back = CheckpointInspector.Inspect(path);
        Assert.Equal("safetensors", back.Format);
        // The reference orders by its Dtype enum, descending (I64 ranks above F32), then by name.
        Assert.Equal(["narrow_1d", "every_other", "expanded", "slice", "transposed"], back.Tensors.Select(t => t.Name));
        var byName = tensors.ToDictionary(p => p.Key, p => p.Value);
        foreach (var t in back.Tensors)
        {
            Assert.Equal(CheckpointInspector.Summarise(t.Name, byName[t.Name]).Sum, t.Sum);
        }
        Assert.Equal(0, (new FileInfo(path).Length - 8 - BitConverter.ToInt64(File.ReadAllBytes(path), 0)) % 4);
    }

    [Fact]
    public void Should_refuse_offsets_that_do_not_tile_the_data()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("gap.safetensors");
        var header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}"u8.ToArray();
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)header.Length), .. header, .. new byte[8]]);
        var e = Assert.Throws<ScReproException>(() => TorchCheckpoint.Read(path));
        Assert.Contains("tensor a", e.Message);
        Assert.Contains(path, e.Message);
    }
}
