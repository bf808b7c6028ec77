using static ScRepro.Torch.torch;

namespace ScRepro.Torch;

/// <summary>The thread's chain of dispose scopes and its tensor counters.</summary>
public static class DisposeScopeManager
{
    [ThreadStatic] private static DisposeScope? _current;
    [ThreadStatic] private static ThreadDisposeScopeStatistics? _statistics;

    /// <summary>The innermost scope on this thread, or null.</summary>
    public static DisposeScope? Current => _current;

    /// <summary>Counters for this thread (tensor wrappers created and disposed, in and outside scopes).</summary>
    public static ThreadDisposeScopeStatistics Statistics => _statistics ??= new ThreadDisposeScopeStatistics();

    internal static DisposeScope Push()
    {
        var scope = new DisposeScope(_current);
        _current = scope;
        return scope;
    }

    internal static void Pop(DisposeScope scope)
    {
        // Scopes normally close innermost-first; if an outer one closes first, drop everything above it too.
        if (_current == scope) _current = scope.Outer;
        else
        {
            for (var s = _current; s != null; s = s.Outer)
                if (s == scope) { _current = scope.Outer; break; }
        }
    }

    internal static void Register(Tensor t)
    {
        if (_current is { } scope)
        {
            scope.Add(t);
            Statistics.CreatedInScopeCount++;
        }
        else Statistics.CreatedOutsideScopeCount++;
    }
}
