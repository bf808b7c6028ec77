namespace ScRepro.Hdf5;

/// <summary>
/// One field of a compound dataset to write: Values is double[], float[], long[], int[], bool[] or string[]
/// (variable-length UTF-8); with <see cref="Width"/> &gt; 1 each record holds Width consecutive values (an array field).
/// </summary>
public sealed record H5Field(string Name, Array Values, int Width = 1);
