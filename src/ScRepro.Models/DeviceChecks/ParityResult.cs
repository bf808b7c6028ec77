namespace ScRepro.Models.DeviceChecks;

/// <summary>case.json of a forward-parity case: where it ran, the attention path, the CPU-vs-device gap, and the config.</summary>
public sealed record ParityResult(
    string Device, string Libtorch, string Attention, double MaxAbsCpuVsDevice,
    int NToken, int DModel, int NHead, int DHid, int NLayers, int NLayersCls, int PadId, int PertPadId,
    int Batch, int Tokens, int PaddedKeys);
