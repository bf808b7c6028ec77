namespace ScRepro.Models.Geneformer;

/// <summary>
/// HF's get_linear_schedule_with_warmup as a factor on the base learning rate: step/warmup during the warm-up, then
/// linear decay to 0 at <c>total</c>. The Trainer steps it after each optimizer step, so optimizer step k (from 0)
/// runs at Factor(k): the very first one at 0 when there is a warm-up.
/// </summary>
public sealed record LinearWarmupSchedule(int WarmupSteps, int TotalSteps)
{
    public double Factor(int step) => step < WarmupSteps
        ? (double)step / Math.Max(1, WarmupSteps)
        : Math.Max(0.0, (double)(TotalSteps - step) / Math.Max(1, TotalSteps - WarmupSteps));
}
