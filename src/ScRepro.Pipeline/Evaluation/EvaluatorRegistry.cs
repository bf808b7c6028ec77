using ScRepro.Contracts;
using ScRepro.Foundation.Errors;

namespace ScRepro.Pipeline.Evaluation;

/// <summary>The evaluator of each task.</summary>
public static class EvaluatorRegistry
{
    public static readonly IReadOnlyList<IEvaluator> All =
    [
        new PerturbationEvaluatorAdapter(),
        new AnnotationEvaluatorAdapter(),
    ];

    public static IEvaluator For(ModelTask task) =>
        All.FirstOrDefault(e => e.Task == task) ?? throw new ScReproException($"no evaluator for task '{task.Name()}'");
}
