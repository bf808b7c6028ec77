using ScRepro.Foundation.Parameters;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;

namespace ScRepro.Simulation;

/// <summary>
/// A perturb-seq dataset shaped like Norman et al. 2019 as GEARS distributes it: control cells ("ctrl") and
/// CRISPRa single ("A+ctrl") and two-gene ("A+B") perturbations of a few dozen target genes. A perturbation
/// raises its target's log expression, and the effect spreads two steps through a sparse random gene network.
/// Some pairs are non-additive (synergy or buffering plus a new off-network effect), so an additive baseline
/// cannot be exact. Counts are negative binomial; X is log1p(normalize_total(counts, 1e4)) as in GEARS' file,
/// and layers["counts"] keeps the raw counts. Everything is drawn from one seed.
/// </summary>
public sealed class PerturbationSimulator
{
    public sealed record Settings(int Genes, int Targets, int Pairs, int ControlCells, int CellsPerPerturbation,
        double NetworkDensity, double NonAdditiveFraction, double Dispersion, double LibrarySize, double ActivationLogFold);

    /// <summary>
    /// What an empty parameter map reads as (the full-size demo); tests take it `with` the few sizes they need, so the
    /// defaults live only in <see cref="Read"/>.
    /// </summary>
    public static Settings Defaults { get; } = Read(new ParameterReader(new Dictionary<string, object?>(), "defaults", "generator.parameters.perturbation"));

    public static Settings Read(ParameterReader p)
    {
        var s = new Settings(p.Int("n_genes", 300, 0), p.Int("n_targets", 20, 0), p.Int("n_pairs", 30, 0), p.Int("n_control_cells", 600, 0),
            p.Int("cells_per_perturbation", 40, 0), p.Double("network_density", 0.02), p.Double("non_additive_fraction", 0.3),
            p.Double("dispersion", 8.0), p.Double("library_size", 4000), p.Double("activation_log_fold", 2.5));
        p.Finish();
        return s;
    }

    public static AnnData.AnnotatedData Simulate(Settings s, int seed)
    {
        var rng = new Sampler(seed);
        var genes = Enumerable.Range(1, s.Genes).Select(i => $"SG{i:D4}").ToArray();

        // Baseline abundance: log-normal relative expression, as in real UMI data (few high, many low).
        var logMean = new double[s.Genes];
        for (var g = 0; g < s.Genes; g++) logMean[g] = rng.Normal(0, 1.3);
        var max = logMean.Max();
        var weights = logMean.Select(m => Math.Exp(m - max)).ToArray();
        var total = weights.Sum();
        var baseFraction = weights.Select(w => w / total).ToArray();

        // Sparse directed network: edge i → j with probability density, signed weights.
        var edges = new List<(int From, int To, double W)>();
        for (var i = 0; i < s.Genes; i++)
            for (var j = 0; j < s.Genes; j++)
                if (i != j && rng.Uniform() < s.NetworkDensity) edges.Add((i, j, rng.Normal(0, 0.7)));

        // Targets: distinct genes, drawn without replacement (partial Fisher–Yates).
        var order = Enumerable.Range(0, s.Genes).ToArray();
        for (var i = 0; i < s.Targets; i++)
        {
            var k = i + rng.Integer(s.Genes - i);
            (order[i], order[k]) = (order[k], order[i]);
        }
        var targets = order.Take(s.Targets).ToArray();

        double[] Propagate(double[] direct)
        {
            var effect = (double[])direct.Clone();
            var frontier = direct;
            foreach (var damping in new[] { 1.0, 0.5 })
            {
                var next = new double[s.Genes];
                foreach (var (from, to, w) in edges) next[to] += damping * w * frontier[from];
                for (var g = 0; g < s.Genes; g++) effect[g] += next[g];
                frontier = next;
            }
            return effect;
        }

        var single = new Dictionary<int, double[]>();
        foreach (var t in targets)
        {
            var direct = new double[s.Genes];
            direct[t] = s.ActivationLogFold;
            single[t] = Propagate(direct);
        }

        var conditions = new List<(string Name, double[] Effect)> { ("ctrl", new double[s.Genes]) };
        conditions.AddRange(targets.Select(t => ($"{genes[t]}+ctrl", single[t])));
        var pairs = new HashSet<(int, int)>();
        var nonAdditive = new List<string>();
        while (pairs.Count < Math.Min(s.Pairs, s.Targets * (s.Targets - 1) / 2))
        {
            var a = targets[rng.Integer(s.Targets)];
            var b = targets[rng.Integer(s.Targets)];
            if (a == b) continue;
            var key = a < b ? (a, b) : (b, a);
            if (!pairs.Add(key)) continue;
            var effect = new double[s.Genes];
            for (var g = 0; g < s.Genes; g++) effect[g] = single[key.Item1][g] + single[key.Item2][g];
            var name = $"{genes[key.Item1]}+{genes[key.Item2]}";
            if (rng.Uniform() < s.NonAdditiveFraction)
            {
                // Synergy (×1.6) or buffering (×0.4), plus an effect neither single has.
                var scale = rng.Uniform() < 0.5 ? 1.6 : 0.4;
                var extra = new double[s.Genes];
                for (var k = 0; k < 3; k++) extra[rng.Integer(s.Genes)] = rng.Normal(0, 1.5);
                var emergent = Propagate(extra);
                for (var g = 0; g < s.Genes; g++) effect[g] = scale * effect[g] + emergent[g];
                nonAdditive.Add(name);
            }
            conditions.Add((name, effect));
        }

        var labels = new List<string>();
        var counts = new List<float[]>();
        foreach (var (name, effect) in conditions)
        {
            var n = name == "ctrl" ? s.ControlCells : s.CellsPerPerturbation;
            var fraction = new double[s.Genes];
            for (var g = 0; g < s.Genes; g++) fraction[g] = baseFraction[g] * Math.Exp(Math.Clamp(effect[g], -6, 6));
            var norm = fraction.Sum();
            for (var c = 0; c < n; c++)
            {
                var library = s.LibrarySize * Math.Exp(rng.Normal(0, 0.3));
                var row = new float[s.Genes];
                for (var g = 0; g < s.Genes; g++) row[g] = rng.NegativeBinomial(library * fraction[g] / norm, s.Dispersion);
                labels.Add(name);
                counts.Add(row);
            }
        }
        return DemoAnnData.Build(labels, counts, genes, "condition", extraObs: (obs, idx) =>
        {
            obs.Add(new StringColumn("cell_type", idx.Select(_ => (string?)"K562").ToArray()));
            obs.Add(new NumericColumn("control", idx.Select(i => labels[i] == "ctrl" ? 1.0 : 0.0).ToArray(), "int64"));
        }, uns: new Dictionary<string, object?>
        {
            ["simulation"] = new Dictionary<string, object?>
            {
                ["generator"] = "screpro-demo-perturbation",
                ["seed"] = (long)seed,
                ["non_additive_pairs"] = nonAdditive.ToArray(),
                ["network_edges"] = (long)edges.Count,
            },
        });
    }
}
