namespace ScRepro.Baselines.Logistic;

/// <summary>
/// Per-instance D (second derivative of the loss) and xᵢᵀd (the Newton direction applied to xᵢ) as the inner
/// coordinate descent reads them. Single precision: 8 bytes per instance halves the cache lines the column gathers
/// touch. Both only shape the quadratic model; the gradient, the stopping rule and the line search use doubles.
/// </summary>
internal struct CurvatureAndStep
{
    public float D;
    public float XTd;
}
