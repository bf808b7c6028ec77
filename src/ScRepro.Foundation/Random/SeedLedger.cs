namespace ScRepro.Foundation.Random;

/// <summary>
/// A unit's seed and every seed derived from it, by purpose, as they were drawn: TrainStats records the ledger so any
/// draw can be replayed from the card alone.
/// </summary>
public sealed class SeedLedger(long seed)
{
    private readonly SortedDictionary<string, long> _derived = new(StringComparer.Ordinal);

    /// <summary>The unit's seed (the experiment's seed k).</summary>
    public long Seed { get; } = seed;

    /// <summary><see cref="Seeds.Derive"/>(<see cref="Seed"/>, <paramref name="purpose"/>), recorded.</summary>
    public long Derive(string purpose)
    {
        var value = Seeds.Derive(Seed, purpose);
        lock (_derived) _derived[purpose] = value;
        return value;
    }

    /// <summary>What was derived so far, by purpose.</summary>
    public IReadOnlyDictionary<string, long> Derived
    {
        get { lock (_derived) return new SortedDictionary<string, long>(_derived, StringComparer.Ordinal); }
    }
}
