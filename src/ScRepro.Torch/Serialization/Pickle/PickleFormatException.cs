namespace ScRepro.Torch.Serialization.Pickle;

/// <summary>A structural fault in a pickle; the unpickler rethrows it as a ScReproException naming file and offset.</summary>
internal sealed class PickleFormatException(string message) : Exception(message);
