namespace ScRepro.Models.DeviceChecks;

/// <summary>
/// The size of one perturbation fine-tuning step: the generator's architecture and the batch. <see cref="FullSize"/> is
/// scGPT's whole-human model on Norman-sized batches (research/scale-gpu-models.md §2.3); <see cref="Small"/> is what a
/// CPU dry run can afford; <see cref="Demo"/> is the default demo's CPU model.
/// </summary>
public sealed record StepShape(int NToken, int DModel, int NHead, int DHid, int NLayers, int Batch, int Tokens)
{
    public static readonly StepShape FullSize = new(60_697, 512, 8, 512, 12, 64, 1_536);

    public static readonly StepShape Small = new(303, 64, 4, 64, 2, 8, 128);

    /// <summary>The default demo's CPU-sized generator (manifests/models/scgpt_perturbation_cpu.yaml) on its batches of 32 cells × 300 genes.</summary>
    public static readonly StepShape Demo = new(303, 64, 4, 64, 2, 32, 300);

    public override string ToString() =>
        $"{NLayers} layers, d_model {DModel}, {NHead} heads, d_hid {DHid}, vocab {NToken}; batch {Batch} x {Tokens} tokens";
}
