namespace ScRepro.Hdf5;

/// <summary>HDF5 datatype classes ScRepro distinguishes (H5T_class_t, narrowed).</summary>
public enum H5TypeClass
{
    Integer,
    Float,
    String,
    Compound,
    Enum,
    Reference,
    Array,
    Other,
}
