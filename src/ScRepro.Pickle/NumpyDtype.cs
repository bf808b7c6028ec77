namespace ScRepro.Pickle;

/// <summary>numpy.dtype(spec) as a pickle builds it: the spec ('U5', 'i8', 'f4', '?', …) and, after BUILD, its byte order.</summary>
public sealed class NumpyDtype(string spec)
{
    public string Spec { get; } = spec;
    public bool BigEndian { get; set; }
}
