namespace ScRepro.Audit.Model;

/// <summary>
/// audit.json's `repredict_spread` (added to screpro.audit/1; absent where D made no seeded re-prediction): the
/// checkpoint re-predicted with the card's seed and with <see cref="Seeds"/> (derived from it), so a reader sees how
/// far the prediction's own random draws (scGPT's control pairing, binning ties) move each metric, and whether the
/// claimed value lies inside that noise. Informational: D's verdict is the card seed's comparison.
/// </summary>
/// <param name="CardSeed">The seed the card names (`screpro.seed`), re-predicted first and judged.</param>
/// <param name="Seeds">The other seeds, in order: Seeds.Derive(card seed, "audit/repredict/&lt;j&gt;"), j = 1…R.</param>
/// <param name="Derivation">How the seeds were made and what the predictor derives from each.</param>
/// <param name="Statistic">Which statistic of each metric is compared (the mean over test items).</param>
/// <param name="Band">The band "within noise" uses: the repredict profile's reproduced band, max(atol, sd_k × sd).</param>
public sealed record PairingSpread(
    long CardSeed,
    IReadOnlyList<long> Seeds,
    string Derivation,
    string Statistic,
    string Band,
    IReadOnlyList<SpreadRow> Metrics);
