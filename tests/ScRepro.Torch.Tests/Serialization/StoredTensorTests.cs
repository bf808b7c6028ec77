using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>Views, offsets and shared storages as make_fixtures.py built them (views_dict, shared_dict).</summary>
public sealed class StoredTensorTests
{
    private static Dictionary<string, StoredTensor> Load(string file) =>
        TorchCheckpoint.ReadStateDict(ExpectedSummary.Path(file)).ToDictionary(p => p.Key, p => p.Value);

    // make_fixtures.py: base = arange(24, float32).reshape(4, 6) / 7
    private static double Base(int i, int j) => (float)(i * 6 + j) / 7f;

    [Theory]
    [InlineData("views.pt")]
    [InlineData("views_legacy.pt")]
    [InlineData("protocol4.pt")]
    public void Should_read_a_slice_with_its_storage_offset_and_strides(string file)
    {
        var slice = Load(file)["slice"];   // base[1:3, 2:5]
        Assert.Equal(8, slice.StorageOffset);
        Assert.Equal([2L, 3L], slice.Shape);
        Assert.Equal([6L, 1L], slice.Strides);
        Assert.Equal(24, slice.Storage.ElementCount);   // torch.save writes the whole storage of a view
        Assert.False(slice.IsContiguous);
        Assert.Equal([Base(1, 2), Base(1, 3), Base(1, 4), Base(2, 2), Base(2, 3), Base(2, 4)], slice.ToDoubleArray());
    }

    [Fact]
    public void Should_read_a_transpose_in_logical_order_and_make_it_contiguous()
    {
        var t = Load("views.pt")["transposed"];   // base.t(): shape (6, 4), strides (1, 6)
        Assert.Equal([1L, 6L], t.Strides);
        var expected = Enumerable.Range(0, 6).SelectMany(j => Enumerable.Range(0, 4).Select(i => Base(i, j))).ToArray();
        Assert.Equal(expected, t.ToDoubleArray());
        var c = t.Contiguous();
        Assert.True(c.IsContiguous);
        Assert.Equal([4L, 1L], c.Strides);
        Assert.Equal(24, c.Storage.ElementCount);
        Assert.NotSame(t.Storage, c.Storage);
        Assert.Equal(expected, c.ToDoubleArray());
        Assert.Equal(c.Storage.Bytes.ToArray(), t.ContiguousBytes());
    }

    [Fact]
    public void Should_read_an_expanded_tensor_with_stride_zero()
    {
        var e = Load("views.pt")["expanded"];   // arange(3.).expand(2, 3)
        Assert.Equal([0L, 1L], e.Strides);
        Assert.Equal(3, e.Storage.ElementCount);
        Assert.Equal([0.0, 1, 2, 0, 1, 2], e.ToDoubleArray());
        Assert.Equal(24, e.ContiguousBytes().Length);
    }

    [Theory]
    [InlineData("shared.pt")]
    [InlineData("shared_legacy.pt")]
    [InlineData("protocol4_legacy.pt")]
    public void Should_keep_shared_storages_shared(string file)
    {
        // shared_dict(): a = base (12), b = base[4:], c = base.view(3, 4).t(), d = ones(2)
        var t = Load(file);
        Assert.Same(t["a"].Storage, t["b"].Storage);
        Assert.Same(t["a"].Storage, t["c"].Storage);
        Assert.NotSame(t["a"].Storage, t["d"].Storage);
        Assert.Equal(4, t["b"].StorageOffset);
        Assert.Equal(t["a"].ToDoubleArray()[4..], t["b"].ToDoubleArray());
    }

    [Fact]
    public void Should_convert_every_dtype_to_doubles()
    {
        var t = Load("dtypes.pt");
        Assert.Equal([(double)(1L << 40) + 7, -3, 5], t["i64"].ToDoubleArray());
        Assert.Equal([-128.0, 127, 1], t["i8"].ToDoubleArray());
        Assert.Equal([0.0, 255, 17, 3], t["u8"].ToDoubleArray());
        Assert.Equal([1.0, 0, 1, 1], t["bool"].ToDoubleArray());
        Assert.Equal([42.0], t["scalar"].ToDoubleArray());
        Assert.Empty(t["scalar"].Shape);
        Assert.Equal(1, t["scalar"].ElementCount);
        Assert.Equal(0, t["empty"].ElementCount);
        Assert.Empty(t["empty"].ToDoubleArray());
    }

    [Fact]
    public void Should_reject_a_view_outside_its_storage()
    {
        var blob = new StorageBlob(TorchDType.Float32, new byte[16]);
        Assert.Throws<ArgumentException>(() => new StoredTensor(blob, 1, [4], [1]));
        Assert.Throws<ArgumentException>(() => new StoredTensor(blob, 0, [2, 2], [1]));
        Assert.Equal(0, new StoredTensor(blob, 4, [0], [1]).ElementCount);   // empty views may sit at the end
    }

    [Fact]
    public void Should_round_bfloat16_to_nearest_even_like_torch()
    {
        // torch.tensor([0.1, 1.00390625, -2.5]).bfloat16().float() == [0.10009765625, 1.0, -2.5] (checked in python3-torch 1.13)
        var t = StoredTensor.FromDoubles(TorchDType.BFloat16, [3], [0.1, 1.00390625, -2.5]);
        Assert.Equal([0.10009765625, 1.0, -2.5], t.ToDoubleArray());
    }

    [Fact]
    public void Should_walk_a_rank_3_permutation_with_an_offset()
    {
        // arange(30)[6:].view(2, 3, 4).permute(2, 0, 1): shape (4, 2, 3), strides (1, 12, 4), offset 6.
        // Element [a, b, c] is 6 + a + 12 b + 4 c by the definition of strides (what torch's indexing computes).
        var storage = StoredTensor.FromLongs([30], Enumerable.Range(0, 30).Select(i => (long)i).ToArray()).Storage;
        var t = new StoredTensor(storage, 6, [4, 2, 3], [1, 12, 4]);
        var expected = new List<double>();
        for (var a = 0; a < 4; a++)
            for (var b = 0; b < 2; b++)
                for (var c = 0; c < 3; c++)
                    expected.Add(6 + a + 12 * b + 4 * c);
        Assert.Equal(expected, t.ToDoubleArray());
        Assert.Equal(expected, t.Contiguous().ToDoubleArray());
        var summary = CheckpointInspector.Summarise("p", t);
        Assert.Equal(expected.Sum(), summary.Sum);
        Assert.Equal([6L, 10L, 14L], summary.First);
    }
}
