using ScRepro.Contracts;
using ScRepro.Pipeline.Training;

namespace ScRepro.Pipeline.Evaluation;

/// <summary>Evaluates one trained unit's predictions against the held-out truth, writing its tables into OutputDir.</summary>
public interface IEvaluator
{
    ModelTask Task { get; }

    /// <summary>Files every evaluation of this task writes (besides summary.json).</summary>
    IReadOnlyList<string> Outputs { get; }

    /// <summary>Writes the tables; returns per-metric summaries and notes for the card.</summary>
    (IReadOnlyList<MetricStats> Metrics, IReadOnlyDictionary<string, string> Notes) Evaluate(EvalRequest request);
}

public sealed record EvalRequest(RunContext Context, AnnData.AnnotatedData Data, SplitMembers Split, string TrainDir, string OutputDir);
