using ScRepro.Simulation;

namespace ScRepro.Models.Tests.Scgpt;

/// <summary>
/// The project's perturb-seq simulator at CPU size: 24 genes, 64 control cells and six single-gene activations
/// ("SGxxxx+ctrl", 16 cells each, log-fold 2.5 spread through the gene network), no pairs. X is log1p-normalised as in
/// GEARS' Norman file. One seed, so tests are exact; the singles are split 4 train / 1 val / 1 test in the order the
/// simulator draws their targets.
/// </summary>
internal static class SyntheticPerturbation
{
    public const int Genes = 24;

    private static readonly PerturbationSimulator.Settings Small = PerturbationSimulator.Defaults with
    {
        Genes = Genes, Targets = 6, Pairs = 0, ControlCells = 64, CellsPerPerturbation = 16,
    };

    public static AnnData.AnnotatedData Make(int seed = 3) => PerturbationSimulator.Simulate(Small, seed);

    // The single perturbations in the order the simulator writes them (control first, then one block per target).
    private static readonly string[] Singles = Conditions(Make());

    public static readonly string[] Train = Singles[..4];
    public static readonly string[] Val = [Singles[4]];
    public static readonly string[] Test = [Singles[5]];

    private static string[] Conditions(AnnData.AnnotatedData data)
    {
        var column = data.Obs["condition"];
        var singles = Enumerable.Range(0, data.NObs).Select(i => column.GetString(i)!).Where(c => c != "ctrl").Distinct(StringComparer.Ordinal).ToArray();
        if (singles.Length != 6) throw new InvalidOperationException($"expected 6 single perturbations, the simulator wrote {singles.Length}");
        return singles;
    }
}
