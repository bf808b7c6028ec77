using ScRepro.AnnData.Frames;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>"nullable-integer" / "nullable-boolean" 0.1.0: a values array and an optional bool mask (true = missing).</summary>
internal static class NullableEncoding
{
    public static readonly IOSpec Integer = new("nullable-integer", "0.1.0");
    public static readonly IOSpec Boolean = new("nullable-boolean", "0.1.0");

    public static NullableColumn Read(H5Group g, bool isBoolean)
    {
        using var valuesDs = g.OpenDataset("values");
        var values = valuesDs.Read<long>();
        bool[] mask;
        if (g.Exists("mask"))
        {
            using var maskDs = g.OpenDataset("mask");
            mask = maskDs.ReadBools();
            if (mask.Length != values.Length)
                throw ElementErrors.Bad(g, $"mask has {mask.Length} entries but values {values.Length}");
        }
        else
        {
            mask = new bool[values.Length];
        }
        return new NullableColumn(g.Name, values, mask, isBoolean);
    }

    public static H5Group Write(H5Group parent, NullableColumn c, H5WriteOptions o)
    {
        var g = parent.CreateGroup(c.Name);
        long[] shape = [c.Length];
        ElementWriter.Stamp(g.CreateBoolDataset("mask", c.Mask, shape, o), ArrayEncoding.Array);
        using var values = c.IsBoolean
            ? g.CreateBoolDataset("values", c.Values.Select(v => v != 0).ToArray(), shape, o)
            : g.CreateDataset<long>("values", c.Values, shape, o);
        ElementWriter.Stamp(values, ArrayEncoding.Array);
        return g;
    }
}
