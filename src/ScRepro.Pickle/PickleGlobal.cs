namespace ScRepro.Pickle;

/// <summary>A GLOBAL that passed the allow-list: a marker on the stack, never an imported callable.</summary>
public sealed record PickleGlobal(string Module, string Name)
{
    public string FullName => Module + "." + Name;
}
