using ScRepro.Foundation.Errors;
using ScRepro.Splits.Random;
using ScRepro.Splits.Text;

namespace ScRepro.Splits.Gears;

/// <summary>
/// GEARS' <c>split='simulation'</c> and <c>'simulation_single'</c> (DataSplitter.split_data + PertData.prepare_split,
/// GEARS 0.1.2), bit for bit: membership and list order. Algorithm: ../shared/research/gears-split.md §1–§3.
/// Every draw is <c>np.random.seed(seed); np.random.choice(x, k, replace=False)</c>, i.e. a fresh
/// <see cref="NumpyRandomState"/> and the first k of a permutation.
/// </summary>
public static class GearsSimulationSplit
{
    /// <summary>
    /// GEARS' simulation split of <paramref name="conditions"/> (unique condition names in order of first appearance
    /// in obs, 'ctrl' included or not). <paramref name="exclude"/> plays GEARS' GO-graph filter (PertData.load drops
    /// those conditions before splitting); every name in it must occur in <paramref name="conditions"/>.
    /// </summary>
    public static GearsSplit Simulation(IReadOnlyList<string> conditions, long seed, double trainGeneSetSize,
        double comboSeen2TrainFrac = 0.75, IReadOnlyCollection<string>? exclude = null) =>
        Run(conditions, seed, exclude, single: false, perts =>
        {
            var s1 = Stage(perts, trainGeneSetSize, comboSeen2TrainFrac, seed);
            var s2 = Stage(s1.Train, 0.9, 0.9, seed); // GEARS hard-codes 0.9/0.9 and reuses the seed for val
            return (s1, s2);
        });

    /// <summary>GEARS' simulation_single: singles only, gene draw only (GEARS' assertion fails on combos).</summary>
    public static GearsSplit SimulationSingle(IReadOnlyList<string> conditions, long seed, double trainGeneSetSize,
        IReadOnlyCollection<string>? exclude = null) =>
        Run(conditions, seed, exclude, single: true, perts =>
        {
            var s1 = StageSingle(perts, trainGeneSetSize, seed);
            var s2 = StageSingle(s1.Train, 0.9, seed);
            return (s1, s2);
        });

    private static GearsSplit Run(IReadOnlyList<string> conditions, long seed, IReadOnlyCollection<string>? exclude,
        bool single, Func<List<string>, (GearsStage Test, GearsStage Val)> stages)
    {
        if (seed < 0 || seed > uint.MaxValue)
            throw new ScReproException($"seed {seed} is outside 0 … 2^32−1, which numpy's np.random.seed refuses");
        var unique = conditions.Distinct(StringComparer.Ordinal).ToList(); // pandas .unique(): first appearance
        var excluded = new List<string>();
        if (exclude is not null && exclude.Count > 0)
        {
            var present = new HashSet<string>(unique, StringComparer.Ordinal);
            var missing = exclude.Where(e => !present.Contains(e)).ToList();
            if (missing.Count > 0)
                throw new ScReproException($"exclude list names {missing.Count} condition(s) not in the input: " +
                                           string.Join(", ", missing.Take(5).Select(m => $"'{m}'")));
            if (exclude.Contains(GearsConditions.Control))
                throw new ScReproException("exclude list names 'ctrl', which GEARS' GO filter never drops");
            var drop = new HashSet<string>(exclude, StringComparer.Ordinal);
            excluded = unique.Where(drop.Contains).ToList();
            unique = unique.Where(c => !drop.Contains(c)).ToList();
        }
        foreach (var c in unique)
        {
            if (c.Length == 0) throw new ScReproException("empty condition name");
            var why = GearsConditions.Malformed(c);
            if (why is not null) throw new ScReproException(why);
            if (single && GearsConditions.IsCombo(c))
                throw new ScReproException($"simulation_single takes single perturbations only, but '{c}' is a combo " +
                                           "(GEARS' assertion would fail; keep the conditions that contain 'ctrl')");
        }

        var perts = unique.Where(p => p != GearsConditions.Control).ToList();
        var (test, val) = stages(perts);

        // set2conditions: each condition's part, listed in order of first appearance ('ctrl' always maps to train)
        var part = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in val.Train) part[p] = "train";
        foreach (var p in val.Test) part[p] = "val";
        foreach (var p in test.Test) part[p] = "test";
        part[GearsConditions.Control] = "train";
        List<string> Of(string name) => unique.Where(c => part[c] == name).ToList();

        var subgroup = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal)
        {
            ["test_subgroup"] = test.Subgroup,
            ["val_subgroup"] = val.Subgroup,
        };
        return new GearsSplit(Of("train"), Of("val"), Of("test"), subgroup, unique, excluded);
    }

    /// <summary>get_simulation_split(pert_list, tgs, frac, seed) with test_set_perts=None.</summary>
    public static GearsStage Stage(IReadOnlyList<string> pertList, double trainGeneSetSize, double comboSeen2TrainFrac, long seed)
    {
        var genes = GearsConditions.GenesOf(pertList);
        var trainGenes = Draw(genes, trainGeneSetSize, seed);
        var trainSet = new HashSet<string>(trainGenes, StringComparer.Ordinal);
        var oodSet = new HashSet<string>(genes.Where(g => !trainSet.Contains(g)), StringComparer.Ordinal);

        var singleTrain = PertsFromGenes(trainSet, pertList, single: true);
        var comboAny = PertsFromGenes(trainSet, pertList, single: false);
        var comboSeen1 = comboAny.Where(x => GearsConditions.SeenCount(x, trainSet) == 1).ToList();
        var seen1Set = new HashSet<string>(comboSeen1, StringComparer.Ordinal);
        var pool = SortedUnique(comboAny.Where(x => !seen1Set.Contains(x))); // np.setdiff1d sorts
        var comboTrain = Draw(pool, comboSeen2TrainFrac, seed);
        var comboTrainSet = new HashSet<string>(comboTrain, StringComparer.Ordinal);
        var comboSeen2 = pool.Where(x => !comboTrainSet.Contains(x)).ToList();
        var unseenSingle = PertsFromGenes(oodSet, pertList, single: true);
        var comboSeen0 = PertsFromGenes(oodSet, pertList, single: false)
            .Where(x => GearsConditions.SeenCount(x, trainSet) == 0).ToList();

        var train = singleTrain.Concat(comboTrain).ToList();
        var test = comboSeen1.Concat(comboSeen2).Concat(unseenSingle).Concat(comboSeen0).ToList();
        if (train.Count + test.Count != pertList.Count)
            throw new ScReproException(
                $"GEARS' simulation split would fail its assertion: {train.Count} train + {test.Count} test ≠ " +
                $"{pertList.Count} conditions (a condition whose genes are all 'ctrl', or a combo of more than two genes?)");
        return new GearsStage(train, test, new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["combo_seen0"] = comboSeen0,
            ["combo_seen1"] = comboSeen1,
            ["combo_seen2"] = comboSeen2,
            ["unseen_single"] = unseenSingle,
        });
    }

    /// <summary>get_simulation_split_single(pert_list, tgs, seed) with test_set_perts=None.</summary>
    public static GearsStage StageSingle(IReadOnlyList<string> pertList, double trainGeneSetSize, long seed)
    {
        var genes = GearsConditions.GenesOf(pertList);
        var trainSet = new HashSet<string>(Draw(genes, trainGeneSetSize, seed), StringComparer.Ordinal);
        var oodSet = new HashSet<string>(genes.Where(g => !trainSet.Contains(g)), StringComparer.Ordinal);
        var singleTrain = PertsFromGenes(trainSet, pertList, single: true);
        var unseenSingle = PertsFromGenes(oodSet, pertList, single: true);
        if (singleTrain.Count + unseenSingle.Count != pertList.Count)
            throw new ScReproException(
                $"GEARS' simulation_single split would fail its assertion: {singleTrain.Count} + {unseenSingle.Count} ≠ {pertList.Count}");
        return new GearsStage(singleTrain, unseenSingle,
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["unseen_single"] = unseenSingle });
    }

    /// <summary>np.random.seed(seed); np.random.choice(pool, int(len(pool) * frac), replace=False).</summary>
    private static string[] Draw(IReadOnlyList<string> pool, double frac, long seed)
    {
        var k = (int)(pool.Count * frac); // Python int(): IEEE multiply, then truncation (100*0.58 → 57)
        return new NumpyRandomState(seed).Choice(pool, k, replace: false);
    }

    /// <summary>get_perts_from_genes(genes, pert_list, 'single'|'combo'): pert_list order, any parsed gene in the set.</summary>
    private static List<string> PertsFromGenes(HashSet<string> genes, IReadOnlyList<string> pertList, bool single) =>
        pertList.Where(p => single ? GearsConditions.IsSingle(p) : GearsConditions.IsCombo(p))
                .Where(p => GearsConditions.ParseAnyPert(p).Any(genes.Contains))
                .ToList();

    private static List<string> SortedUnique(IEnumerable<string> items) =>
        items.Distinct(StringComparer.Ordinal).Order(CodePointComparer.Instance).ToList();
}
