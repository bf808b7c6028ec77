using System.Reflection;
using System.Runtime.InteropServices;

namespace ScRepro.Core.Provenance;

/// <summary>Facts about the machine and runtime that can change a result's numbers (or its speed).</summary>
internal static class MachineInfo
{
    /// <summary>ScRepro's version from the assembly, without the build-metadata suffix (the commit is recorded separately).</summary>
    public static string ScReproVersion()
    {
        var info = typeof(MachineInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                   ?? typeof(MachineInfo).Assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = info.IndexOf('+');
        return plus < 0 ? info : info[..plus];
    }

    /// <summary>The distribution's PRETTY_NAME when /etc/os-release has one, then the kernel and the architecture.</summary>
    public static string OperatingSystem()
    {
        string? pretty = null;
        if (File.Exists("/etc/os-release"))
        {
            var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            pretty = line?["PRETTY_NAME=".Length..].Trim('"');
        }
        // .NET's OSDescription is the distribution's name again on Linux; the kernel release is in /proc.
        const string release = "/proc/sys/kernel/osrelease";
        var kernel = File.Exists(release) ? "Linux " + File.ReadAllText(release).Trim() : RuntimeInformation.OSDescription.Trim();
        if (kernel == pretty) pretty = null;
        var arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        return string.IsNullOrEmpty(pretty) ? $"{kernel} ({arch})" : $"{pretty}; {kernel} ({arch})";
    }

    /// <summary>The first "model name" in /proc/cpuinfo (x86); the architecture where there is none (ARM, macOS).</summary>
    public static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
        {
            foreach (var line in File.ReadLines(cpuinfo))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && line[..colon].Trim() == "model name")
                    return string.Join(' ', line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
    }
}
