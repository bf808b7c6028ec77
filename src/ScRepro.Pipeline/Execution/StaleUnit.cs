using ScRepro.Pipeline.Stamps;

namespace ScRepro.Pipeline.Execution;

/// <summary>A unit the stage runner found out of date: the stamp it will be written with and why it must run.</summary>
public sealed record StaleUnit(WorkUnit Unit, Stamp Stamp, string Reason);
