namespace ScRepro.Core.Provenance;

/// <summary>
/// The versions of the software that computes a result, as stamps key them: an upgraded runtime or ScRepro re-runs
/// what it makes, as a changed input would (the provenance block records the same values).
/// </summary>
public static class SoftwareVersions
{
    /// <summary>ScRepro's version without build metadata (the commit is keyed separately, by the code state).</summary>
    public static string ScRepro() => MachineInfo.ScReproVersion();

    /// <summary>The .NET runtime version (System.Environment.Version).</summary>
    public static string Dotnet() => Environment.Version.ToString();
}
