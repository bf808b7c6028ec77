namespace ScRepro.Pipeline;

/// <summary>A type to name this assembly by (tests, reflection).</summary>
public static class AssemblyMarker;
