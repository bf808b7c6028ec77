using System.Text.Json;
using System.Text.RegularExpressions;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;

namespace ScRepro.Core.Hashing;

/// <summary>
/// A dataset lock (like dvc.lock, with sha256): the exact bytes a dataset consisted of when it was fetched.
/// Files are kept sorted by ordinal path; <see cref="LockSha256"/> is the SHA-256 of the <see cref="CanonicalForm"/>,
/// so one hash stands for the whole dataset in stamps and model cards.
/// </summary>
public sealed partial record LockFile
{
    /// <summary>The on-disk format tag; bumped if the canonical form ever changes.</summary>
    public const int FormatVersion = 1;

    private LockFile(string dataset, string manifestSha256, IReadOnlyList<LockedFile> files)
    {
        Dataset = dataset;
        ManifestSha256 = manifestSha256;
        Files = files;
        LockSha256 = CanonicalForm.Sha256(files);
    }

    /// <summary>Dataset id (the manifest's <c>id</c>).</summary>
    public string Dataset { get; }

    /// <summary>SHA-256 of the dataset manifest as the caller canonicalised it.</summary>
    public string ManifestSha256 { get; }

    /// <summary>The files, sorted by ordinal path.</summary>
    public IReadOnlyList<LockedFile> Files { get; }

    /// <summary>SHA-256 of the canonical form of <see cref="Files"/>.</summary>
    public string LockSha256 { get; }

    /// <summary>Builds a lock from hashed files, checking ids, paths and hashes and sorting the files.</summary>
    public static LockFile Create(string dataset, string manifestSha256, IEnumerable<LockedFile> files, string context = "lock file")
    {
        if (!DatasetId().IsMatch(dataset))
            throw new ScReproException($"{context}: dataset '{dataset}' is not a valid id ([a-z0-9_-]+)");
        if (!FileHasher.IsSha256Hex(manifestSha256))
            throw new ScReproException($"{context}: manifest_sha256 '{manifestSha256}' is not 64 lower-case hex digits");
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var f = sorted[i];
            DataPath.Check(f.Path, $"{context}: files[{i}].path");
            if (!FileHasher.IsSha256Hex(f.Sha256))
                throw new ScReproException($"{context}: files[{i}].sha256 of '{f.Path}' is not 64 lower-case hex digits");
            if (f.Size < 0)
                throw new ScReproException($"{context}: files[{i}].size of '{f.Path}' is negative");
            if (i > 0 && sorted[i - 1].Path == f.Path)
                throw new ScReproException($"{context}: files: '{f.Path}' is listed twice");
        }
        return new LockFile(dataset, manifestSha256, sorted);
    }

    /// <summary>
    /// Hashes the files a dataset must contain and pins them: a hash from the manifest must match; with none, the
    /// hash in <paramref name="previous"/> (an earlier lock) must match; with neither, this hash becomes the pin
    /// (<see cref="PinSource.FirstDownload"/>). A mismatch throws naming the file and both hashes.
    /// </summary>
    public static LockFile Pin(string dataset, string manifestSha256, string dataRoot, IEnumerable<ExpectedFile> expected,
                               LockFile? previous = null, HashCache? cache = null)
    {
        var earlier = previous?.Files.ToDictionary(f => f.Path, StringComparer.Ordinal) ?? [];
        var locked = new List<LockedFile>();
        foreach (var want in expected)
        {
            DataPath.Check(want.Path, $"dataset {dataset}");
            var pinned = want.Sha256 is not null ? PinSource.Manifest : PinSource.FirstDownload;
            var sha = want.Sha256 ?? (earlier.TryGetValue(want.Path, out var before) ? before.Sha256 : null);
            var size = want.Size ?? (want.Sha256 is null && earlier.TryGetValue(want.Path, out var b2) ? b2.Size : null);
            var file = new LockedFile(want.Path, size ?? -1, sha ?? "", pinned);
            var actual = Check(dataRoot, file, cache, requireHash: sha is not null, requireSize: size is not null);
            locked.Add(file with { Sha256 = actual.Sha256, Size = actual.Size });
        }
        return Create(dataset, manifestSha256, locked, $"dataset {dataset}");
    }

    /// <summary>Re-hashes every locked file under <paramref name="dataRoot"/>; throws on the first missing or changed one.</summary>
    public void Verify(string dataRoot, HashCache? cache = null)
    {
        foreach (var file in Files) Check(dataRoot, file, cache, requireHash: true, requireSize: true);
    }

    /// <summary>
    /// Re-hashes the named files (through <paramref name="cache"/>); throws when one is not in the lock, is missing
    /// or changed. <paramref name="lockName"/> is how messages name this lock.
    /// </summary>
    public void Verify(string dataRoot, IEnumerable<string> paths, HashCache? cache, string lockName)
    {
        foreach (var path in paths)
        {
            var file = Files.FirstOrDefault(f => f.Path == path)
                ?? throw new ScReproException($"{lockName}: '{path}' is not in the lock of dataset {Dataset}; run `screpro hash` (the Hash stage) to lock it");
            Check(dataRoot, file, cache, requireHash: true, requireSize: true);
        }
    }

    /// <summary>Reads and validates a lock file; a lock whose stored lock_sha256 disagrees with its files is refused.</summary>
    public static LockFile Read(string path)
    {
        LockFileDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<LockFileDocument>(File.ReadAllText(path), Json.Options);
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{path}: not a valid lock file: {e.Message}", inner: e);
        }
        catch (FileNotFoundException e)
        {
            throw new ScReproException($"{path}: lock file not found", inner: e);
        }
        if (doc is null) throw new ScReproException($"{path}: lock file is empty");
        if (doc.Version != FormatVersion)
            throw new ScReproException($"{path}: version is {doc.Version}, this ScRepro reads lock format {FormatVersion}");
        var files = doc.Files ?? throw new ScReproException($"{path}: files is missing");
        for (var i = 0; i < files.Count; i++)
            if (files[i] is null || files[i].Path is null || files[i].Sha256 is null)
                throw new ScReproException($"{path}: files[{i}] needs path, size, sha256 and pinned");
        var lockFile = Create(doc.Dataset ?? throw new ScReproException($"{path}: dataset is missing"),
            doc.ManifestSha256 ?? throw new ScReproException($"{path}: manifest_sha256 is missing"), files, path);
        if (!files.Select(f => f.Path).SequenceEqual(lockFile.Files.Select(f => f.Path), StringComparer.Ordinal))
            throw new ScReproException($"{path}: files are not sorted by ordinal path");
        if (doc.LockSha256 != lockFile.LockSha256)
            throw new ScReproException(
                $"{path}: lock_sha256 is {doc.LockSha256} but the listed files hash to {lockFile.LockSha256} (the lock was edited)");
        return lockFile;
    }

    /// <summary>The lock at <paramref name="path"/>, or null when there is none yet (first run).</summary>
    public static LockFile? TryRead(string path) => File.Exists(path) ? Read(path) : null;

    /// <summary>Writes the lock atomically as indented snake_case JSON.</summary>
    public void Write(string path) =>
        Json.WriteFile(path, new LockFileDocument(FormatVersion, Dataset, ManifestSha256, LockSha256, Files));

    private static (string Sha256, long Size) Check(string dataRoot, LockedFile file, HashCache? cache, bool requireHash, bool requireSize)
    {
        var full = DataPath.Resolve(dataRoot, file.Path);
        if (!File.Exists(full))
            throw new ScReproException($"{full}: file is missing (locked as {file.Path}, sha256 {(requireHash ? file.Sha256 : "not yet pinned")})");
        var actual = HashWithProgress(dataRoot, file.Path, full, cache);
        var hashBad = requireHash && actual.Item1 != file.Sha256;
        var sizeBad = requireSize && actual.Item2 != file.Size;
        if (hashBad || sizeBad)
        {
            cache?.Forget(file.Path);
            var pin = file.Pinned == PinSource.Manifest ? "pinned by the manifest" : "pinned on first download";
            if (!hashBad)
                throw new ScReproException(
                    $"{full}: size mismatch: expected {file.Size} bytes (manifest), actual {actual.Item2} bytes (sha256 {actual.Item1})");
            var sizes = sizeBad ? $"; size expected {file.Size} bytes, actual {actual.Item2} bytes" : "";
            throw new ScReproException(
                $"{full}: sha256 mismatch: expected {file.Sha256} ({pin}), actual {actual.Item1}{sizes}");
        }
        return actual;
    }

    /// <summary>Files at least this big get a progress bar while they are hashed (2.2 GB takes seconds).</summary>
    private const long ProgressThreshold = 64L << 20;

    private static (string Sha256, long Size) HashWithProgress(string dataRoot, string relativePath, string full, HashCache? cache)
    {
        var size = new FileInfo(full).Length;
        if (size < ProgressThreshold)
            return cache?.GetOrCompute(dataRoot, relativePath) ?? (FileHasher.Sha256(full), size);
        return Output.WithProgress($"sha256 {relativePath}", size, report =>
        {
            Action<long> progress = n => report(n);
            return cache?.GetOrCompute(dataRoot, relativePath, progress) ?? (FileHasher.Sha256(full, progress), size);
        });
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex DatasetId();
}
