namespace ScRepro.AnnData;

/// <summary>A type to name this assembly by (tests, reflection).</summary>
public static class AssemblyMarker;
