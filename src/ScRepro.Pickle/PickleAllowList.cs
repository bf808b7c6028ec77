namespace ScRepro.Pickle;

/// <summary>
/// What the files of one caller may name, and what "calling" each allowed name means: a fixed managed constructor,
/// never an import. The unpickler refuses every other GLOBAL when it is read, before anything could use it.
/// </summary>
public abstract class PickleAllowList
{
    /// <summary>What the files are called in errors ("pickle", "checkpoint").</summary>
    public virtual string FileKind => "pickle";

    /// <summary>Whether <paramref name="module"/>.<paramref name="name"/> may appear at all.</summary>
    public abstract bool Allows(string module, string name);

    /// <summary>The error for a refused global (it must name the global and <paramref name="source"/>).</summary>
    public virtual string Refusal(string module, string name, string source) =>
        $"refused pickle global {PythonName(module, name)} in {source}: {Purpose}";

    /// <summary>What files of this kind may contain, for <see cref="Refusal"/> ("only dicts, lists and strings").</summary>
    protected abstract string Purpose { get; }

    /// <summary>REDUCE, NEWOBJ, INST or OBJ of an allowed global; throw ArgumentException or PickleFormatException to refuse.</summary>
    public virtual object? Call(PickleGlobal fn, object?[] args) => throw new ArgumentException("this global cannot be called");

    /// <summary>BUILD (setstate) on <paramref name="target"/>; false to refuse.</summary>
    public virtual bool Build(object? target, object? state) => false;

    /// <summary>BINPERSID: an external object (a torch storage); refused unless the caller supports them.</summary>
    public virtual object? PersistentLoad(object?[] pid) => throw new PickleFormatException("persistent ids are not allowed in this file");

    /// <summary>Python 2 module names that protocol-2 pickles use for Python 3 modules (pickle's fix_imports map).</summary>
    private static readonly Dictionary<string, string> Py2Modules = new()
    {
        ["__builtin__"] = "builtins",
        ["copy_reg"] = "copyreg",
        ["Queue"] = "queue",
        ["cPickle"] = "pickle",
        ["commands"] = "subprocess",
    };

    /// <summary>The global as Python would resolve it (py2 module names mapped, the written form kept).</summary>
    public static string PythonName(string module, string name) =>
        Py2Modules.TryGetValue(module, out var py3) ? $"{py3}.{name} (written as {module}.{name})" : $"{module}.{name}";
}
