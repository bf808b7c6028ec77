using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>Every torch.save fixture reads to exactly what torch.load gave make_fixtures.py (its .expected.json).</summary>
public sealed class FixtureReadTests
{
    public static TheoryData<string> Fixtures =>
    [
        "dtypes.pt", "dtypes_legacy.pt", "views.pt", "views_legacy.pt", "shared.pt", "shared_legacy.pt",
        "adam.pt", "nested.pt", "nested_legacy.pt", "protocol4.pt", "protocol4_legacy.pt", "parameter.pt", "cuda.pt", "cuda_legacy.pt",
        "tensors.safetensors",
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Should_summarise_each_fixture_as_torch_load_does(string file) =>
        ExpectedSummary.AssertMatches(file, CheckpointInspector.Inspect(ExpectedSummary.Path(file)));

    [Theory]
    [InlineData("dtypes.pt", CheckpointFormat.Zip)]
    [InlineData("dtypes_legacy.pt", CheckpointFormat.Legacy)]
    [InlineData("tensors.safetensors", CheckpointFormat.SafeTensors)]
    public void Should_detect_the_container_from_the_first_bytes(string file, CheckpointFormat format) =>
        Assert.Equal(format, TorchCheckpoint.DetectFormat(ExpectedSummary.Path(file)));

    [Fact]
    public void Should_read_a_state_dict_as_an_ordered_dict_with_its_metadata()
    {
        // make_fixtures.py: nested() saves model.state_dict() (an OrderedDict with _metadata) inside a plain dict.
        var root = Assert.IsType<OrderedDictionary<object, object?>>(TorchCheckpoint.Read(ExpectedSummary.Path("nested.pt")).Root);
        var model = Assert.IsType<TorchOrderedDict>(root["model"]);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], model.Keys.Cast<string>());
        var state = Assert.IsType<OrderedDictionary<object, object?>>(model.State);
        Assert.True(state.ContainsKey("_metadata"));
        Assert.Equal(3L, root["epoch"]);
        Assert.Equal(1e-4, root["lr"]);
        Assert.Equal("scgpt-tiny", root["name"]);
        Assert.Equal(1L << 40, root["big"]);
        var flags = Assert.IsType<object?[]>(root["flags"]);
        Assert.Equal(true, flags[0]);
        Assert.Null(flags[1]);
        Assert.Equal([1L, 2.5], Assert.IsType<List<object?>>(flags[2]));
    }

    [Fact]
    public void Should_read_the_adam_state_with_int_keys_and_param_groups()
    {
        // torch 1.13 Adam.state_dict(): {'state': {0: {'step', 'exp_avg', 'exp_avg_sq'}, …}, 'param_groups': [{…, 'params': [0..3]}]}
        var root = Assert.IsType<OrderedDictionary<object, object?>>(TorchCheckpoint.Read(ExpectedSummary.Path("adam.pt")).Root);
        var state = Assert.IsType<OrderedDictionary<object, object?>>(root["state"]);
        Assert.Equal([0L, 1L, 2L, 3L], state.Keys);
        var p0 = Assert.IsType<OrderedDictionary<object, object?>>(state[0L]);
        var step = Assert.IsType<StoredTensor>(p0["step"]);
        Assert.Equal([2.0], step.ToDoubleArray());   // two optimizer steps in the script
        var group = Assert.IsType<OrderedDictionary<object, object?>>(Assert.IsType<List<object?>>(root["param_groups"])[0]);
        Assert.Equal(1e-2, group["lr"]);
        Assert.Equal([0.9, 0.999], Assert.IsType<object?[]>(group["betas"]));
        Assert.Equal(false, group["amsgrad"]);
        Assert.Equal([0L, 1L, 2L, 3L], Assert.IsType<List<object?>>(group["params"]));
    }

    [Fact]
    public void Should_keep_the_device_string_of_tensors_saved_from_cuda()
    {
        // make_fixtures.py tags cuda.pt's storages "cuda:0" the way torch.save does for CUDA tensors.
        foreach (var file in new[] { "cuda.pt", "cuda_legacy.pt" })
        {
            var tensors = TorchCheckpoint.ReadStateDict(ExpectedSummary.Path(file));
            Assert.All(tensors, t => Assert.Equal("cuda:0", t.Value.Device));
        }
    }

    [Fact]
    public void Should_mark_parameters_pickled_whole_as_requiring_grad()
    {
        var tensors = TorchCheckpoint.ReadStateDict(ExpectedSummary.Path("parameter.pt")).ToDictionary(p => p.Key, p => p.Value);
        Assert.True(tensors["p"].RequiresGrad);      // nn.Parameter → torch._utils._rebuild_parameter
        Assert.False(tensors["buf"].RequiresGrad);
    }

    [Fact]
    public void Should_read_safetensors_metadata()
    {
        var checkpoint = TorchCheckpoint.Read(ExpectedSummary.Path("tensors.safetensors"));
        Assert.Equal("pt", checkpoint.Metadata["format"]);
        Assert.Equal("make_fixtures.py", checkpoint.Metadata["source"]);
    }

    [Fact]
    public void Should_read_any_archive_folder_name_and_ignore_newer_torch_records()
    {
        // torch ≥ 2 names the folder "archive" when saving to a stream and adds byteorder, .format_version and
        // .data/serialization_id. Re-pack dtypes.pt that way; the tensors must read the same as torch.load read them.
        using var dir = ScRepro.Testing.TestPaths.NewTempDir();
        var path = dir.File("renamed.pt");
        using (var src = System.IO.Compression.ZipFile.OpenRead(ExpectedSummary.Path("dtypes.pt")))
        using (var dst = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            foreach (var e in src.Entries)
            {
                using var from = e.Open();
                using var to = dst.CreateEntry("archive/" + e.FullName[(e.FullName.IndexOf('/') + 1)..]).Open();
                from.CopyTo(to);
            }
            foreach (var (name, text) in new[] { ("archive/byteorder", "little"), ("archive/.format_version", "1"), ("archive/.data/serialization_id", "123") })
            {
                using var to = dst.CreateEntry(name).Open();
                to.Write(System.Text.Encoding.ASCII.GetBytes(text));
            }
        }
        ExpectedSummary.AssertMatches("dtypes.pt", CheckpointInspector.Inspect(path));
    }
}
