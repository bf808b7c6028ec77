namespace ScRepro.Contracts;

/// <summary>The manifest spelling of <see cref="ModelTask"/>.</summary>
public static class ModelTaskNames
{
    public static readonly IReadOnlyList<string> All = ["perturbation", "annotation"];

    public static string Name(this ModelTask task) => task switch
    {
        ModelTask.Perturbation => "perturbation",
        ModelTask.Annotation => "annotation",
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    /// <summary>The task a manifest names; null when the name is not one of <see cref="All"/>.</summary>
    public static ModelTask? Parse(string name) => name switch
    {
        "perturbation" => ModelTask.Perturbation,
        "annotation" => ModelTask.Annotation,
        _ => null,
    };
}
