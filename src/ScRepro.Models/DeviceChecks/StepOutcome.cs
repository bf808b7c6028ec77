namespace ScRepro.Models.DeviceChecks;

/// <summary>One step: its seconds (device synchronised), the loss, whether the optimiser stepped, the forward output's dtype.</summary>
public sealed record StepOutcome(double Seconds, double Loss, bool Stepped, string OutputDtype);
