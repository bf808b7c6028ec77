namespace ScRepro.Baselines.Logistic;

/// <summary>Per-instance D (second derivative of the loss) and xᵢᵀd (the Newton direction applied to xᵢ).</summary>
internal struct CurvatureAndStep
{
    public double D;
    public double XTd;
}
