namespace ScRepro.Audit.Model;

/// <summary>A fact the card states: what it is, where it was read (file:line or front matter key) and the value as written.</summary>
public sealed record Claim(string Name, string Source, string Value);
