using ScRepro.Foundation.Random;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Foundation.Parameters;

namespace ScRepro.Simulation;

/// <summary>The generators a dataset manifest may name, each making named AnnData outputs from one seed.</summary>
public static class DemoGenerators
{
    public const string Name = "screpro-demo";

    /// <summary>
    /// Parameters are namespaced by output: "perturbation.n_genes", "annotation.n_cells"; each simulator draws
    /// from its own seed derived from the manifest's (Seeds.Derive(seed, output file name)), so changing one output leaves
    /// the other alone.
    /// </summary>
    public static IReadOnlyDictionary<string, AnnData.AnnotatedData> Generate(DatasetGenerator g, string where)
    {
        if (g.Name != Name) throw new ScReproException($"{where}: key 'generator.name': unknown generator '{g.Name}' (known: {Name})");
        IReadOnlyDictionary<string, object?> Part(string prefix) => g.Parameters
            .Where(kv => kv.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[(prefix.Length + 1)..], kv => kv.Value);
        var unknown = g.Parameters.Keys.FirstOrDefault(k => !k.StartsWith("perturbation.", StringComparison.Ordinal) && !k.StartsWith("annotation.", StringComparison.Ordinal));
        if (unknown is not null) throw new ScReproException($"{where}: key 'generator.parameters.{unknown}': expected perturbation.* or annotation.*");
        // System.Random takes a non-negative int: the derived seed's low 31 bits.
        int SeedOf(string output) => (int)(Seeds.Derive(g.Seed, output) & int.MaxValue);
        return new Dictionary<string, AnnData.AnnotatedData>
        {
            ["perturbation.h5ad"] = PerturbationSimulator.Simulate(PerturbationSimulator.Read(new ParameterReader(Part("perturbation"), where, "generator.parameters.perturbation")), SeedOf("perturbation.h5ad")),
            ["annotation.h5ad"] = AnnotationSimulator.Simulate(AnnotationSimulator.Read(new ParameterReader(Part("annotation"), where, "generator.parameters.annotation")), SeedOf("annotation.h5ad")),
        };
    }
}
