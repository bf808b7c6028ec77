using ScRepro.Core.Download;

namespace ScRepro.Papers;

/// <summary>
/// GETs one API response into memory through the project's <see cref="Downloader"/> (its retries with backoff on
/// 429/5xx, timeouts and error messages naming the URL), via a private temporary folder that is always removed.
/// </summary>
public sealed class PaperClient : IDisposable
{
    private readonly Downloader _downloader;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("screpro-papers-");
    private int _count;

    public PaperClient(DownloadOptions? options = null) =>
        _downloader = new Downloader((options ?? new DownloadOptions()) with { ShowProgress = false });

    /// <summary>The body and its sha256; a 404 stops at once (exit 2), a 5xx after the retries (exit 3).</summary>
    public (byte[] Body, string Sha256) Get(Uri url, string accept)
    {
        var file = Path.Combine(_scratch.FullName, $"{Interlocked.Increment(ref _count)}.response");
        var result = _downloader.Download(new DownloadRequest(url, file) { Accept = accept });
        var body = File.ReadAllBytes(file);
        File.Delete(file);
        return (body, result.Sha256);
    }

    public void Dispose()
    {
        _downloader.Dispose();
        try { _scratch.Delete(recursive: true); } catch (IOException) { }
    }
}
