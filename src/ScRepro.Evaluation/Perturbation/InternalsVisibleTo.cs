using System.Runtime.CompilerServices;

// The Leiden and graph internals are tested directly (tests/ScRepro.Evaluation.Tests/Perturbation).
[assembly: InternalsVisibleTo("ScRepro.Evaluation.Tests")]
