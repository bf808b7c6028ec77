namespace ScRepro.Pickle;

/// <summary>
/// A structural fault found while running a pickle (or by an allow-list building an object); the unpickler rethrows it
/// as a ScReproException naming the file and the offset.
/// </summary>
public sealed class PickleFormatException(string message) : Exception(message);
