using System.Buffers.Binary;
using System.IO.Compression;
using ScRepro.Testing;
using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>The zip writer: round trips, determinism, torch's layout, and the bytes torch.load was checked on.</summary>
public sealed class WriterTests
{
    public static TheoryData<string> Sources =>
    [
        "dtypes.pt", "dtypes_legacy.pt", "views.pt", "views_legacy.pt", "shared.pt", "shared_legacy.pt",
        "adam.pt", "nested.pt", "nested_legacy.pt", "protocol4.pt", "protocol4_legacy.pt", "parameter.pt", "cuda.pt", "cuda_legacy.pt",
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Should_round_trip_every_fixture_to_what_torch_load_read(string file)
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("copy.pt");
        TorchCheckpoint.Write(path, TorchCheckpoint.Read(ExpectedSummary.Path(file)).Root);
        ExpectedSummary.AssertMatches(file, CheckpointInspector.Inspect(path), format: "zip");
    }

    [Fact]
    public void Should_write_shared_storages_once_and_keep_them_shared()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("shared.pt");
        TorchCheckpoint.Write(path, TorchCheckpoint.Read(ExpectedSummary.Path("shared.pt")).Root);
        using (var zip = ZipFile.OpenRead(path))
        {
            // a, b, c share one storage, d has its own: two data records, as torch.save wrote.
            Assert.Equal(["shared/data.pkl", "shared/byteorder", "shared/data/0", "shared/data/1", "shared/version"],
                zip.Entries.Select(e => e.FullName));
        }
        var t = TorchCheckpoint.ReadStateDict(path).ToDictionary(p => p.Key, p => p.Value);
        Assert.Same(t["a"].Storage, t["c"].Storage);
        Assert.Equal([1L, 4L], t["c"].Strides);
    }

    [Fact]
    public void Should_write_identical_bytes_for_the_same_tree()
    {
        var root = TorchCheckpoint.Read(ExpectedSummary.Path("nested.pt")).Root;
        Assert.Equal(TorchCheckpoint.Serialize(root, "x"), TorchCheckpoint.Serialize(TorchCheckpoint.Read(ExpectedSummary.Path("nested.pt")).Root, "x"));
    }

    [Fact]
    public void Should_align_every_record_to_64_bytes_like_torch()
    {
        var bytes = TorchCheckpoint.Serialize(WrittenFixtures.ScratchStateDict(), "archive");
        var pos = 0;
        var records = 0;
        while (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos)) == 0x04034b50)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 18));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(pos + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(pos + 28));
            var dataStart = pos + 30 + nameLength + extraLength;
            Assert.Equal(0, dataStart % 64);
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(pos + 8)));   // STORED
            pos = dataStart + size;
            records++;
        }
        Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos)));
        Assert.Equal(2 + 9 + 1, records);   // data.pkl, byteorder, 9 storages (w, w_t and tail share one), version
    }

    [Fact]
    public void Should_name_the_archive_folder_after_the_file_stem()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("best_model.pt");
        TorchCheckpoint.WriteStateDict(path, [new("x", StoredTensor.FromFloats([1], [1f]))]);
        using var zip = ZipFile.OpenRead(path);
        Assert.All(zip.Entries, e => Assert.StartsWith("best_model/", e.FullName));
    }

    [Fact]
    public void Should_write_the_scratch_state_dict_and_read_it_back()
    {
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("scratch.pt");
        TorchCheckpoint.Write(path, WrittenFixtures.ScratchStateDict());
        var t = TorchCheckpoint.ReadStateDict(path).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal([0.0, 3, 0.25, 1e-3f, -1.5, 7], t["w_t"].ToDoubleArray());
        Assert.Equal([3.0, 1e-3f, 7], t["tail"].ToDoubleArray());
        Assert.Same(t["w"].Storage, t["tail"].Storage);
        Assert.Equal([-(double)(1L << 40), 5], t["i64"].ToDoubleArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Should_write_the_bytes_verify_written_py_loaded_with_torch(int index)
    {
        var (source, target) = index >= 0 ? WrittenFixtures.Rewrites[index] : ("", "scratch.pt");
        object? root = index >= 0 ? TorchCheckpoint.Read(ExpectedSummary.Path(source)).Root : WrittenFixtures.ScratchStateDict();
        var bytes = TorchCheckpoint.Serialize(root, Path.GetFileNameWithoutExtension(target));
        if (WrittenFixtures.Regenerate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(WrittenFixtures.Path(target))!);
            File.WriteAllBytes(WrittenFixtures.Path(target), bytes);
        }
        Assert.Equal(File.ReadAllBytes(WrittenFixtures.Path(target)), bytes);
    }

    [Fact]
    public void Should_refuse_to_write_unsupported_values()
    {
        var dict = new OrderedDictionary<object, object?> { ["x"] = new Uri("http://example.org") };
        Assert.Throws<ArgumentException>(() => TorchCheckpoint.Serialize(dict));
    }
}
