using System.Formats.Tar;
using System.IO.Compression;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Hashing;

namespace ScRepro.Core.Download;

/// <summary>
/// Unpacks zip, tar.gz and single-file gz archives so that nothing can land outside the target folder ("zip slip").
/// <para>
/// Every entry name is checked before anything is written: absolute names, drive letters and any <c>..</c>
/// segment are refused, backslashes count as separators. Symbolic links are allowed only with a relative target
/// free of <c>..</c> (such a link can only point further down the archive's own tree, whatever other links exist);
/// hard links must name an earlier entry and are materialised as copies; devices and FIFOs are refused; files get
/// mode 0644 whatever the archive says (no setuid or execute bits from a download). Entries are
/// unpacked into a hidden temporary folder beside the target and moved into the target only when the whole archive
/// was read without error, so a bad archive leaves the target as it was.
/// </para>
/// </summary>
public static class ArchiveExtractor
{
    /// <summary>Parses the manifest spelling of an archive kind (none, zip, tar.gz, gz).</summary>
    public static ArchiveKind ParseKind(string? value, string context) => value switch
    {
        null or "none" => ArchiveKind.None,
        "zip" => ArchiveKind.Zip,
        "tar.gz" or "tgz" => ArchiveKind.TarGz,
        "gz" => ArchiveKind.Gz,
        _ => throw new ScReproException($"{context}: '{value}' is not one of none, zip, tar.gz, gz"),
    };

    /// <summary>
    /// Extracts <paramref name="archive"/> into <paramref name="targetDir"/> (created when missing; files already
    /// there with the same names are replaced). Returns the POSIX relative paths of the regular files extracted,
    /// sorted ordinally.
    /// </summary>
    /// <para><paramref name="reserved"/> names top-level folders of the target no entry may write into (the project's
    /// own bookkeeping, data/&lt;id&gt;/.screpro/: an entry there could forge another source's stamp).</para>
    public static IReadOnlyList<string> Extract(string archive, ArchiveKind kind, string targetDir, IReadOnlyCollection<string>? reserved = null)
    {
        if (kind == ArchiveKind.None) throw new ArgumentException("not an archive", nameof(kind));
        if (kind is ArchiveKind.Gz or ArchiveKind.TarGz) GzipTrailer.Verify(archive, Spelling(kind));
        var target = Path.GetFullPath(targetDir);
        Directory.CreateDirectory(target);
        var parent = Path.GetDirectoryName(target.TrimEnd('/'))!;
        var prefix = $".{Path.GetFileName(target.TrimEnd('/'))}.extract-";
        // A run killed mid-extraction leaves its staging folder; runs of one tree are serialised (the pipeline's run
        // lock), so any such folder is abandoned.
        foreach (var abandoned in Directory.GetDirectories(parent, prefix + "*")) Directory.Delete(abandoned, recursive: true);
        var staging = Path.Combine(parent, prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        IReadOnlyCollection<string> refused = reserved ?? [];
        try
        {
            var files = new SortedSet<string>(StringComparer.Ordinal);
            try
            {
                Output.WithProgress($"extracting {Path.GetFileName(archive)}", new FileInfo(archive).Length, report =>
                {
                    switch (kind)
                    {
                        case ArchiveKind.Zip: ExtractZip(archive, staging, files, report, refused); break;
                        case ArchiveKind.TarGz: ExtractTarGz(archive, staging, files, report, refused); break;
                        default: ExtractGz(archive, staging, files, report, refused); break;
                    }
                });
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
            {
                throw new ScReproException($"{archive}: not a readable {Spelling(kind)} archive: {e.Message}", inner: e);
            }
            try
            {
                MoveTree(staging, target);
            }
            catch (IOException e)
            {
                throw new ScReproException($"{archive}: cannot place the extracted files in {target}: {e.Message}", inner: e);
            }
            return [.. files];
        }
        finally
        {
            try { Directory.Delete(staging, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    /// <summary>
    /// The safe relative POSIX path of an entry name, or null for the archive root itself (<c>./</c>);
    /// throws naming the archive and the entry when the name could leave the target.
    /// </summary>
    // SafeEntryPath, then refuses entries under a reserved top-level folder.
    private static string? EntryPath(string archive, string entryName, IReadOnlyCollection<string> reserved)
    {
        var path = SafeEntryPath(archive, entryName);
        if (path is not null && reserved.Contains(path.Split('/')[0]))
            throw Unsafe(archive, entryName, $"'{path.Split('/')[0]}/' is ScRepro's own bookkeeping folder");
        return path;
    }

    // A file where an entry needs a folder (or the reverse) is the archive's fault: name the entry.
    private static T Placing<T>(string archive, string entryName, Func<T> place)
    {
        try
        {
            return place();
        }
        catch (IOException e)
        {
            throw Unsafe(archive, entryName, $"it conflicts with an earlier entry (a file where a folder is needed, or the reverse): {e.Message}");
        }
    }

    public static string? SafeEntryPath(string archive, string entryName)
    {
        var name = entryName.Replace('\\', '/');
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':') || name.Contains('\0'))
            throw Unsafe(archive, entryName, "absolute path");
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        if (segments.Contains("..")) throw Unsafe(archive, entryName, "'..' would leave the target folder");
        if (segments.Length == 0) return null;
        var path = string.Join('/', segments);
        if (DataPath.Problem(path) is { } problem) throw Unsafe(archive, entryName, problem);
        return path;
    }

    private static void ExtractGz(string archive, string staging, ISet<string> files, Action<double> report, IReadOnlyCollection<string> reserved)
    {
        var name = Path.GetFileName(archive);
        if (!name.EndsWith(".gz", StringComparison.Ordinal) || name.Length == 3)
            throw new ScReproException($"{archive}: a gz source must be named <file>.gz (the name without .gz is what it provides)");
        var relative = name[..^3];
        if (reserved.Contains(relative)) throw Unsafe(archive, relative, $"'{relative}' is ScRepro's own bookkeeping folder");
        using var raw = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var gzip = new GZipStream(raw, CompressionMode.Decompress);
        using var output = new FileStream(Path.Combine(staging, relative), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 20];
        long reported = 0;
        int read;
        while ((read = gzip.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
            report(raw.Position - reported);
            reported = raw.Position;
        }
        files.Add(relative);
    }

    private static void ExtractZip(string archive, string staging, ISet<string> files, Action<double> report, IReadOnlyCollection<string> reserved)
    {
        using var zip = ZipFile.OpenRead(archive);
        foreach (var entry in zip.Entries)
        {
            var relative = EntryPath(archive, entry.FullName, reserved);
            report(entry.CompressedLength);
            if (relative is null) continue;
            var destination = Path.Combine([staging, .. relative.Split('/')]);
            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                Placing(archive, entry.FullName, () => Directory.CreateDirectory(destination));
                continue;
            }
            Placing(archive, entry.FullName, () =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                entry.ExtractToFile(destination, overwrite: true);
                return 0;
            });
            // .NET 10 does not check an entry's CRC-32 on read: a damaged entry would extract "successfully".
            if (Crc32.OfFile(destination) is var crc && crc != entry.Crc32)
                throw new ScReproException($"{archive}: entry '{entry.FullName}' is damaged: its bytes have CRC-32 {crc:x8}, the archive records {entry.Crc32:x8}; nothing was extracted");
            NormaliseMode(destination);
            files.Add(relative);
        }
    }

    private static void ExtractTarGz(string archive, string staging, ISet<string> files, Action<double> report, IReadOnlyCollection<string> reserved)
    {
        using var raw = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var gzip = new GZipStream(raw, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        long reported = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            report(raw.Position - reported);
            reported = raw.Position;
            var relative = EntryPath(archive, entry.Name, reserved);
            if (relative is null) continue;
            var destination = Path.Combine([staging, .. relative.Split('/')]);
            Placing(archive, entry.Name, () => { PlaceTarEntry(archive, entry, relative, destination, staging, files); return 0; });
        }
    }

    private static void PlaceTarEntry(string archive, TarEntry entry, string relative, string destination, string staging, ISet<string> files)
    {
        {
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(destination);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    if (File.Exists(destination) || Directory.Exists(destination)) DeleteEntry(destination);
                    entry.ExtractToFile(destination, overwrite: false);
                    NormaliseMode(destination);
                    files.Add(relative);
                    break;
                case TarEntryType.SymbolicLink:
                    var link = entry.LinkName.Replace('\\', '/');
                    if (link.StartsWith('/') || link.Split('/').Contains(".."))
                        throw Unsafe(archive, entry.Name, $"symbolic link to '{entry.LinkName}' could point outside the target folder");
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    File.CreateSymbolicLink(destination, link);
                    break;
                case TarEntryType.HardLink:
                    var source = SafeEntryPath(archive, entry.LinkName)
                        ?? throw Unsafe(archive, entry.Name, "hard link to the archive root");
                    var sourcePath = Path.Combine([staging, .. source.Split('/')]);
                    if (!File.Exists(sourcePath))
                        throw Unsafe(archive, entry.Name, $"hard link to '{entry.LinkName}', which is not an earlier file entry");
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    File.Copy(sourcePath, destination, overwrite: true);
                    files.Add(relative);
                    break;
                case TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes:
                    break;
                default:
                    throw Unsafe(archive, entry.Name, $"entry type {entry.EntryType} is not extracted");
            }
        }
    }

    // Data files need no execute, setuid or world-write bits, whatever mode the archive recorded.
    private static void NormaliseMode(string path)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    // Moves every staged file into place, merging with folders that already exist in the target.
    private static void MoveTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var destination = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo dir && dir.LinkTarget is null)
            {
                if (Directory.Exists(destination) && new DirectoryInfo(destination).LinkTarget is null) MoveTree(dir.FullName, destination);
                else
                {
                    DeleteEntry(destination);
                    Directory.Move(dir.FullName, destination);
                }
            }
            else
            {
                DeleteEntry(destination);
                if (entry.LinkTarget is { } linkTarget) File.CreateSymbolicLink(destination, linkTarget);
                else File.Move(entry.FullName, destination);
            }
        }
    }

    private static void DeleteEntry(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || File.Exists(path)) info.Delete();
        else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    private static string Spelling(ArchiveKind kind) => kind switch
    {
        ArchiveKind.Zip => "zip",
        ArchiveKind.TarGz => "tar.gz",
        _ => "gz",
    };

    private static ScReproException Unsafe(string archive, string entry, string why) =>
        new($"{archive}: refusing entry '{entry}': {why}; nothing was extracted");
}
