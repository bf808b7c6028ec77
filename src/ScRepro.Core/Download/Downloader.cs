using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ScRepro.Terminal;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Hashing;

namespace ScRepro.Core.Download;

/// <summary>
/// Fetches http, https and file URLs into place, all or nothing.
/// <para>
/// Bytes go to a partial file beside the destination whose name is derived from the URL
/// (<see cref="PartialPathFor"/>), so an interrupted transfer is resumed with an HTTP Range request, by the next
/// attempt or by the next run after a crash. A server that ignores Range (answers 200) restarts the file. Once all
/// bytes are in, size and sha256 are checked against what the caller knows and only then is the partial renamed to
/// the destination. A permanent failure (404, hash or size mismatch) deletes the partial at once; when the retries
/// for transient failures run out the partial is deleted too (unless <see cref="DownloadOptions.KeepPartialOnFailure"/>),
/// so a failed download leaves no file behind. Errors are <see cref="ScReproException"/>s naming the URL and the reason.
/// </para>
/// <para>
/// Why keep a partial at all: between attempts it is what makes a 2 GB transfer survive a dropped connection; after a
/// crash (SIGKILL, power loss) nothing could have cleaned it up anyway, so the next run resumes it. Because a partial
/// from another run may hold bytes of an older version of the file, a resumed download that fails its hash is fetched
/// whole once more before the hash mismatch is reported. Within one run an ETag or Last-Modified validator is sent
/// as If-Range, so a changed file is sent whole by the server.
/// </para>
/// <para>Not safe for two processes fetching the same URL to the same place at once (the pipeline runs stages one at a time).</para>
/// </summary>
public sealed class Downloader : IDisposable
{
    /// <summary>Exit code for network failures (retries exhausted); bad data and bad URLs use 2 like other bad input.</summary>
    public const int NetworkFailureExitCode = ExitCodes.Network;

    private const int BufferSize = 1 << 20;
    private readonly DownloadOptions _options;
    private readonly HttpClient _client;

    /// <summary>Creates a downloader; dispose it to release its connections.</summary>
    public Downloader(DownloadOptions? options = null)
    {
        _options = options ?? new DownloadOptions();
        if (_options.MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1");
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = Math.Max(1, _options.MaxRedirects),
            ConnectTimeout = _options.ConnectTimeout,
            // Raw bytes only: transparent decompression would make sizes, ranges and hashes refer to different bytes.
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    /// <summary>The deterministic partial-file name for <paramref name="url"/> landing at <paramref name="destination"/>.</summary>
    public static string PartialPathFor(string destination, Uri url)
    {
        var full = Path.GetFullPath(destination);
        var key = FileHasher.Sha256(Encoding.UTF8.GetBytes(url.AbsoluteUri))[..16];
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{key}.partial");
    }

    /// <summary>Downloads, verifies and renames into place; blocks until done. See the class summary for failure handling.</summary>
    public DownloadResult Download(DownloadRequest request, CancellationToken cancellation = default) =>
        DownloadAsync(request, cancellation).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Download"/>.</summary>
    public async Task<DownloadResult> DownloadAsync(DownloadRequest request, CancellationToken cancellation = default)
    {
        var url = request.Url;
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https" or "file"))
            throw new ScReproException($"{url}: only http, https and file URLs can be downloaded");
        if (request.ExpectedSha256 is not null && !FileHasher.IsSha256Hex(request.ExpectedSha256))
            throw new ScReproException($"{url}: expected sha256 '{request.ExpectedSha256}' is not 64 lower-case hex digits");
        var destination = Path.GetFullPath(request.Destination);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = PartialPathFor(destination, url);
        var state = new TransferState();

        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                if (url.IsFile) CopyLocal(url, partial);
                else await FetchHttpAsync(request, partial, state, cancellation).ConfigureAwait(false);
                var (size, sha) = Verify(request, partial, state, retryable: !url.IsFile);
                File.Move(partial, destination, overwrite: true);
                return new DownloadResult(destination, size, sha, attempt, state.FirstResumeOffset ?? 0);
            }
            catch (DownloadFailure failure) when (failure.Transient && attempt < _options.MaxAttempts)
            {
                if (failure.DiscardPartial) TryDelete(partial);
                wait = Backoff(attempt);
                Output.Info($"{url}: attempt {attempt} of {_options.MaxAttempts} failed ({failure.Message}); retrying in {wait.TotalSeconds:0.###} s");
            }
            catch (DownloadFailure failure)
            {
                if (!failure.Transient || failure.DiscardPartial || !_options.KeepPartialOnFailure) TryDelete(partial);
                var tries = failure.Transient ? $" after {attempt} attempt{(attempt == 1 ? "" : "s")}" : "";
                throw new ScReproException($"{url}: download failed{tries}: {failure.Message}",
                    failure.Transient ? NetworkFailureExitCode : 2, failure);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                if (!_options.KeepPartialOnFailure) TryDelete(partial);
                throw;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Local disk trouble (full disk, permissions) is not the network's fault and is not retried.
                TryDelete(partial);
                throw new ScReproException($"{url}: download failed writing {partial}: {e.Message}", 2, e);
            }

            try
            {
                await Task.Delay(wait, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                if (!_options.KeepPartialOnFailure) TryDelete(partial);
                throw;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private TimeSpan Backoff(int attempt)
    {
        var ms = _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(ms, _options.MaxBackoff.TotalMilliseconds));
    }

    private static (long Size, string Sha256) Verify(DownloadRequest request, string partial, TransferState state, bool retryable)
    {
        var size = new FileInfo(partial).Length;
        if (request.ExpectedSize is { } expected && size != expected)
        {
            // Short: a close-delimited body that was cut looks like a normal end; resume it. Long: the source differs.
            if (size < expected && retryable)
                throw new DownloadFailure($"short read: got {size} of {expected} bytes", transient: true);
            throw new DownloadFailure($"size mismatch: expected {expected} bytes, got {size} bytes (file deleted)", transient: false);
        }
        var sha = FileHasher.Sha256(partial);
        if (request.ExpectedSha256 is { } want && sha != want)
        {
            // A partial resumed from an earlier run may hold bytes of another version of the file: fetch it whole
            // once more before calling the source wrong.
            if (retryable && state.FirstResumeOffset is { } resumedAt)
            {
                state.FirstResumeOffset = null;
                throw new DownloadFailure($"sha256 mismatch after resuming at byte {resumedAt}; downloading it whole",
                    transient: true, discardPartial: true);
            }
            throw new DownloadFailure($"sha256 mismatch: expected {want}, actual {sha} (file deleted)", transient: false);
        }
        return (size, sha);
    }

    private void CopyLocal(Uri url, string partial)
    {
        var source = url.LocalPath;
        if (!File.Exists(source)) throw new DownloadFailure($"file not found: {source}", transient: false);
        // Local copies are cheap and a stale partial could belong to an older version of the source: start over.
        TryDelete(partial);
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        var total = input.Length;
        WithProgress(Path.GetFileName(source), total, report =>
        {
            var buffer = new byte[BufferSize];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
                report(read);
            }
        });
    }

    private async Task FetchHttpAsync(DownloadRequest request, string partial, TransferState state, CancellationToken cancellation)
    {
        var url = request.Url;
        long have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (request.ExpectedSize is { } expectedSize)
        {
            if (have > expectedSize) { TryDelete(partial); have = 0; }
            if (have == expectedSize && have > 0)
            {
                // Complete already (a crash after the last byte): Verify decides whether the bytes are right.
                state.FirstResumeOffset ??= have;
                return;
            }
        }

        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        if (request.BearerToken is { } token) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (request.Accept is { } accept) message.Headers.TryAddWithoutValidation("Accept", accept);
        if (have > 0)
        {
            message.Headers.Range = new RangeHeaderValue(have, null);
            // Only resume bytes of the same version of the resource; a changed one makes the server send it whole.
            if (state.Validator is not null) message.Headers.IfRange = state.Validator;
        }

        using var headersTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        headersTimeout.CancelAfter(_options.ResponseTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, headersTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new DownloadFailure($"timed out: no response within {_options.ResponseTimeout.TotalSeconds:0.###} s", transient: true, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new DownloadFailure($"connection failed: {e.Message}", transient: true, inner: e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var finalUrl = response.RequestMessage?.RequestUri ?? url;
            var via = finalUrl == url ? "" : $" (redirected to {finalUrl})";
            long? total;
            switch (response.StatusCode)
            {
                case HttpStatusCode.PartialContent:
                    var range = response.Content.Headers.ContentRange;
                    // Some servers answer 206 even without a Range header; that is fine as long as it starts at 0.
                    if (range is null || range.From != have)
                        throw new DownloadFailure($"server answered a request for bytes {have}- with range '{range}'{via}",
                            transient: true, discardPartial: true);
                    total = range.Length;
                    if (have > 0) state.FirstResumeOffset ??= have;
                    break;
                case HttpStatusCode.OK:
                    // The server ignored Range (or the If-Range validator changed): the body is the whole file.
                    have = 0;
                    total = response.Content.Headers.ContentLength;
                    break;
                case HttpStatusCode.RequestedRangeNotSatisfiable:
                    throw new DownloadFailure($"server refused to resume at byte {have} (HTTP 416){via}", transient: true, discardPartial: true);
                default:
                    var transient = status >= 500 || status is 408 or 429;
                    throw new DownloadFailure($"HTTP {status} {response.ReasonPhrase}{via}", transient);
            }
            if (request.ExpectedSize is { } expected && total is { } announced && announced != expected)
                throw new DownloadFailure($"server announces {announced} bytes but {expected} are expected{via}", transient: false);
            state.Validator ??= ValidatorOf(response);

            await using var body = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
            await using var output = new FileStream(partial, have > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write,
                FileShare.None, 1, FileOptions.Asynchronous);
            var received = await StreamBodyAsync(body, output, have, total, request.ExpectedSize,
                Path.GetFileName(request.Destination), cancellation).ConfigureAwait(false);
            var got = have + received;
            if (total is { } length && got != length)
                throw new DownloadFailure($"short read: got {got} of {length} bytes{via}", transient: got < length,
                    discardPartial: got > length);
        }
    }

    private async Task<long> StreamBodyAsync(Stream body, FileStream output, long have, long? total, long? expectedSize,
                                             string name, CancellationToken cancellation)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        long received = 0;
        var buffer = new byte[BufferSize];
        try
        {
            await WithProgressAsync(name, total ?? 0, have, async report =>
            {
                while (true)
                {
                    int read;
                    try
                    {
                        idle.CancelAfter(_options.ReadTimeout);
                        read = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
                    {
                        throw new DownloadFailure(
                            $"timed out: no data for {_options.ReadTimeout.TotalSeconds:0.###} s after {have + received} bytes",
                            transient: true, inner: e);
                    }
                    catch (Exception e) when (e is IOException or HttpRequestException)
                    {
                        var got = have + received;
                        throw new DownloadFailure(total is { } length
                            ? $"short read: connection closed after {got} of {length} bytes ({e.Message})"
                            : $"connection lost after {got} bytes ({e.Message})", transient: true, inner: e);
                    }
                    if (read == 0) break;
                    // Write errors (disk full) propagate as IOException: DownloadAsync reports them as local trouble.
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                    received += read;
                    report(read);
                    // Without a Content-Length nothing else bounds the body: stop as soon as it outgrows the manifest.
                    if (expectedSize is { } limit && have + received > limit)
                        throw new DownloadFailure($"server sent more than the {limit} bytes expected", transient: false);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            // Whatever arrived stays in the partial file for the next attempt's Range request.
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return received;
    }

    private Task WithProgressAsync(string name, long total, long already, Func<Action<double>, Task> work)
    {
        if (!_options.ShowProgress || Output.IsQuiet) return work(_ => { });
        // Output.WithProgress is synchronous (Spectre's live display); block inside it on the transfer.
        Output.WithProgress(name, total, report =>
        {
            report(already);
            work(report).GetAwaiter().GetResult();
        });
        return Task.CompletedTask;
    }

    private void WithProgress(string name, long total, Action<Action<double>> work)
    {
        if (!_options.ShowProgress || Output.IsQuiet) work(_ => { });
        else Output.WithProgress(name, total, work);
    }

    private static RangeConditionHeaderValue? ValidatorOf(HttpResponseMessage response)
    {
        if (response.Headers.ETag is { IsWeak: false } etag) return new RangeConditionHeaderValue(etag);
        if (response.Content.Headers.LastModified is { } modified) return new RangeConditionHeaderValue(modified);
        return null;
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>What one download learns across its attempts.</summary>
    private sealed class TransferState
    {
        public RangeConditionHeaderValue? Validator { get; set; }
        public long? FirstResumeOffset { get; set; }
    }
}
