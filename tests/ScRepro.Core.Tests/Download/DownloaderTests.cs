using System.Diagnostics;
using System.Security.Cryptography;
using ScRepro.Core.Download;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Download;

/// <summary>
/// The downloader against <see cref="RawHttpServer"/>, a server that misbehaves on purpose (issue 2 item 5).
/// Expected hashes come from .NET's one-shot SHA256 over the payload the server sends.
/// </summary>
public sealed class DownloaderTests
{
    private static readonly byte[] Payload = MakePayload();
    private static readonly string PayloadSha = Convert.ToHexStringLower(SHA256.HashData(Payload));
    private static readonly int Half = Payload.Length / 2;

    // Millisecond backoff so every failure path finishes well under the 2 s budget per test. Timeouts stay generous
    // (a loaded CI machine must not turn a healthy response into a retry); only the timeout tests shrink them.
    private static readonly DownloadOptions Fast = new()
    {
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(40),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ResponseTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(5),
        ShowProgress = false,
    };

    private static readonly DownloadOptions Impatient =
        Fast with { MaxAttempts = 2, ResponseTimeout = TimeSpan.FromMilliseconds(300), ReadTimeout = TimeSpan.FromMilliseconds(300) };

    private static byte[] MakePayload()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static long? RangeStart(RawRequest request) =>
        request.Header("Range") is { } range && range.StartsWith("bytes=") ? long.Parse(range[6..].TrimEnd('-')) : null;

    private static DownloadResult Get(Uri url, TempDir dir, long? size = null, string? sha = null, DownloadOptions? options = null)
    {
        using var downloader = new Downloader(options ?? Fast);
        return downloader.Download(new DownloadRequest(url, dir.File("data.bin"), size, sha));
    }

    private static void AssertNothingLeft(TempDir dir) => Assert.Empty(Directory.GetFileSystemEntries(dir.Path));

    [Fact]
    public void Should_download_verify_and_rename_into_place()
    {
        using var server = new RawHttpServer((_, response) => response.Ok(Payload));
        using var dir = TestPaths.NewTempDir();

        var result = Get(server.Url("/f"), dir, Payload.Length, PayloadSha);

        Assert.Equal(Payload, File.ReadAllBytes(dir.File("data.bin")));
        Assert.Equal((PayloadSha, (long)Payload.Length, 1, 0L), (result.Sha256, result.Size, result.Attempts, result.ResumedBytes));
        Assert.Equal([dir.File("data.bin")], Directory.GetFileSystemEntries(dir.Path));   // no partial left
    }

    [Fact]
    public void Should_resume_with_a_range_request_after_the_connection_is_cut()
    {
        using var server = new RawHttpServer((request, response) =>
        {
            if (request.Index == 0)
            {
                response.Head(200, "OK", ("Content-Length", Payload.Length.ToString()));
                response.Body(Payload.AsSpan(0, Half));
                response.Cut();
            }
            else response.Partial(Payload, RangeStart(request) ?? 0);
        });
        using var dir = TestPaths.NewTempDir();

        var result = Get(server.Url("/f"), dir, sha: PayloadSha);

        Assert.Equal(Payload, File.ReadAllBytes(dir.File("data.bin")));
        // A reset discards whatever was still in flight, so the client resumes from what it actually received:
        // somewhere in (0, Half], and exactly where it says it did.
        var resumedAt = RangeStart(server.Requests[1]);
        Assert.InRange(resumedAt ?? 0, 1, Half);
        Assert.Equal(resumedAt, result.ResumedBytes);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public void Should_start_over_when_the_server_ignores_range()
    {
        using var server = new RawHttpServer((request, response) =>
        {
            if (request.Index == 0)
            {
                response.Head(200, "OK", ("Content-Length", Payload.Length.ToString()));
                response.Body(Payload.AsSpan(0, Half));
                response.Cut();
            }
            else response.Ok(Payload);   // 200 with the whole body despite the Range header
        });
        using var dir = TestPaths.NewTempDir();

        var result = Get(server.Url("/f"), dir, sha: PayloadSha);

        Assert.NotNull(server.Requests[1].Header("Range"));
        Assert.Equal(Payload, File.ReadAllBytes(dir.File("data.bin")));   // not the first half twice
        Assert.Equal(0, result.ResumedBytes);
    }

    [Fact]
    public void Should_resume_a_partial_file_left_by_a_killed_run()
    {
        using var server = new RawHttpServer((request, response) => response.Partial(Payload, RangeStart(request) ?? 0));
        using var dir = TestPaths.NewTempDir();
        var url = server.Url("/f");
        File.WriteAllBytes(Downloader.PartialPathFor(dir.File("data.bin"), url), Payload[..Half]);

        var result = Get(url, dir, Payload.Length, PayloadSha);

        Assert.Single(server.Requests);
        Assert.Equal($"bytes={Half}-", server.Requests[0].Header("Range"));
        Assert.Equal(Half, result.ResumedBytes);
        Assert.Equal(Payload, File.ReadAllBytes(dir.File("data.bin")));
    }

    [Fact]
    public void Should_download_whole_again_when_a_resumed_file_fails_its_hash()
    {
        // A partial from an earlier run holding other bytes (say, an older version of the file).
        using var server = new RawHttpServer((request, response) =>
        {
            if (RangeStart(request) is { } from) response.Partial(Payload, from);
            else response.Ok(Payload);
        });
        using var dir = TestPaths.NewTempDir();
        var url = server.Url("/f");
        File.WriteAllBytes(Downloader.PartialPathFor(dir.File("data.bin"), url), new byte[Half]);

        var result = Get(url, dir, sha: PayloadSha);

        Assert.Equal([$"bytes={Half}-", null], server.Requests.Select(r => r.Header("Range")));
        Assert.Equal(Payload, File.ReadAllBytes(result.Path));
        Assert.Equal(0, result.ResumedBytes);
    }

    [Fact]
    public void Should_resume_a_close_delimited_body_that_was_cut_short()
    {
        // No Content-Length, so the cut looks like a normal end; only the manifest's size reveals it.
        using var server = new RawHttpServer((request, response) =>
        {
            if (request.Index == 0)
            {
                response.Head(200, "OK");
                response.Body(Payload.AsSpan(0, Half));
            }
            else response.Partial(Payload, RangeStart(request) ?? 0);
        });
        using var dir = TestPaths.NewTempDir();

        var result = Get(server.Url("/f"), dir, size: Payload.Length, sha: PayloadSha);

        Assert.Equal($"bytes={Half}-", server.Requests[1].Header("Range"));
        Assert.Equal(Half, result.ResumedBytes);
    }

    [Fact]
    public void Should_fail_with_a_short_read_when_content_length_lies_and_leave_nothing()
    {
        // Announces 1000 bytes more than it ever sends, on every attempt (resume included).
        using var server = new RawHttpServer((_, response) =>
        {
            response.Head(200, "OK", ("Content-Length", (Payload.Length + 1000).ToString()));
            response.Body(Payload);
        });
        using var dir = TestPaths.NewTempDir();
        var url = server.Url("/lying");

        var e = Assert.Throws<ScReproException>(() => Get(url, dir));

        Assert.Contains(url.ToString(), e.Message);
        Assert.Contains($"short read: connection closed after {Payload.Length} of {Payload.Length + 1000} bytes", e.Message);
        Assert.Contains("after 3 attempts", e.Message);
        Assert.Equal(Downloader.NetworkFailureExitCode, e.ExitCode);
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_keep_the_partial_for_the_next_run_only_when_asked()
    {
        // Always cuts after the first half: every attempt fails, then a later run against a healthy server resumes.
        using var flaky = new RawHttpServer((request, response) =>
        {
            var from = RangeStart(request) ?? 0;
            response.Head(206, "Partial Content", ("Content-Length", (Payload.Length - from).ToString()),
                ("Content-Range", $"bytes {from}-{Payload.Length - 1}/{Payload.Length}"));
            response.Body(Payload.AsSpan((int)from, (int)Math.Max(0, Half - from)));
            response.Cut();
        });
        using var dir = TestPaths.NewTempDir();
        var url = flaky.Url("/f");
        var partial = Downloader.PartialPathFor(dir.File("data.bin"), url);
        File.WriteAllBytes(partial, Payload[..1000]);   // a run killed earlier left this

        Assert.Throws<ScReproException>(() => Get(url, dir, options: Fast with { KeepPartialOnFailure = true }));

        Assert.False(File.Exists(dir.File("data.bin")));
        var kept = File.ReadAllBytes(partial);
        Assert.InRange(kept.Length, 1000, Half);
        Assert.Equal(Payload[..kept.Length], kept);

        // Same URL, default options (no keeping): the kept bytes are reused, and a failure would now clean up.
        Assert.Throws<ScReproException>(() => Get(url, dir));
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_refuse_a_size_that_differs_from_the_manifest_before_reading_the_body()
    {
        using var server = new RawHttpServer((_, response) => response.Ok(Payload));
        using var dir = TestPaths.NewTempDir();

        var e = Assert.Throws<ScReproException>(() => Get(server.Url("/f"), dir, size: Payload.Length + 1));

        Assert.Contains($"server announces {Payload.Length} bytes but {Payload.Length + 1} are expected", e.Message);
        Assert.Single(server.Requests);   // permanent: not retried
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_stop_a_body_without_length_that_outgrows_the_expected_size()
    {
        // No Content-Length: the body ends when the server closes the connection (HTTP/1.1 close-delimited).
        using var server = new RawHttpServer((_, response) =>
        {
            response.Head(200, "OK", ("Content-Type", "application/octet-stream"));
            response.Body(Payload);
        });
        using var dir = TestPaths.NewTempDir();

        var e = Assert.Throws<ScReproException>(() => Get(server.Url("/f"), dir, size: 1000));

        Assert.Contains("server sent more than the 1000 bytes expected", e.Message);
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_delete_a_download_whose_hash_differs_and_show_both_hashes()
    {
        using var server = new RawHttpServer((_, response) => response.Ok(Payload));
        using var dir = TestPaths.NewTempDir();
        var wrong = new string('0', 64);
        var url = server.Url("/f");

        var e = Assert.Throws<ScReproException>(() => Get(url, dir, sha: wrong));

        Assert.Contains(url.ToString(), e.Message);
        Assert.Contains($"sha256 mismatch: expected {wrong}, actual {PayloadSha}", e.Message);
        Assert.Equal(2, e.ExitCode);
        Assert.Single(server.Requests);
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_follow_redirects()
    {
        using var server = new RawHttpServer((request, response) =>
        {
            if (request.Path == "/api/access/datafile/1") response.Head(302, "Found", ("Location", "/s3/signed?x=1"), ("Content-Length", "0"));
            else response.Ok(Payload);
        });
        using var dir = TestPaths.NewTempDir();

        var result = Get(server.Url("/api/access/datafile/1"), dir, sha: PayloadSha);

        Assert.Equal(["/api/access/datafile/1", "/s3/signed?x=1"], server.Requests.Select(r => r.Path));
        Assert.Equal(PayloadSha, result.Sha256);
    }

    [Fact]
    public void Should_fail_on_404_at_once_naming_the_url()
    {
        using var server = new RawHttpServer((_, response) => response.Head(404, "Not Found", ("Content-Length", "0")));
        using var dir = TestPaths.NewTempDir();
        var url = server.Url("/missing.h5ad");

        var e = Assert.Throws<ScReproException>(() => Get(url, dir));

        Assert.Equal($"{url}: download failed: HTTP 404 Not Found", e.Message);
        Assert.Single(server.Requests);
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_retry_a_server_error_with_backoff()
    {
        using var server = new RawHttpServer((request, response) =>
        {
            if (request.Index == 0) response.Head(503, "Service Unavailable", ("Content-Length", "0"));
            else response.Ok(Payload);
        });
        using var dir = TestPaths.NewTempDir();

        var result = Get(server.Url("/f"), dir, sha: PayloadSha);

        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public void Should_time_out_a_stalled_transfer_and_leave_nothing()
    {
        using var server = new RawHttpServer((_, response) =>
        {
            response.Head(200, "OK", ("Content-Length", Payload.Length.ToString()));
            response.Body(Payload.AsSpan(0, 1000));
            Stall(response);
        });
        using var dir = TestPaths.NewTempDir();
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<ScReproException>(() => Get(server.Url("/slow"), dir, options: Impatient));

        Assert.Contains("timed out: no data for 0.3 s", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_time_out_a_server_that_never_answers()
    {
        using var server = new RawHttpServer((_, response) => Stall(response));
        using var dir = TestPaths.NewTempDir();

        var e = Assert.Throws<ScReproException>(() => Get(server.Url("/silent"), dir, options: Impatient));

        Assert.Contains("timed out: no response within 0.3 s", e.Message);
        // One try and one retry; the download has returned, so no later request can come.
        Assert.Equal(2, server.WaitForRequests(2, TimeSpan.FromSeconds(10)).Count);
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_copy_a_file_url_and_check_its_hash()
    {
        using var source = TestPaths.NewTempDir();
        File.WriteAllBytes(source.File("local.bin"), Payload);
        using var dir = TestPaths.NewTempDir();

        var result = Get(new Uri(source.File("local.bin")), dir, Payload.Length, PayloadSha);

        Assert.Equal(Payload, File.ReadAllBytes(result.Path));
    }

    [Fact]
    public void Should_name_a_missing_file_url()
    {
        using var dir = TestPaths.NewTempDir();
        var url = new Uri(dir.File("nope.bin"));
        var e = Assert.Throws<ScReproException>(() => Get(url, dir));
        Assert.Equal($"{url}: download failed: file not found: {dir.File("nope.bin")}", e.Message);
        AssertNothingLeft(dir);
    }

    [Fact]
    public void Should_refuse_other_schemes()
    {
        using var dir = TestPaths.NewTempDir();
        var e = Assert.Throws<ScReproException>(() => Get(new Uri("ftp://example.org/x"), dir));
        Assert.Contains("only http, https and file URLs", e.Message);
    }

    // Holds the connection open without sending anything until the test ends (the server is disposed),
    // at most a few seconds so a broken client cannot hang the suite.
    private static void Stall(RawResponse _) => Thread.Sleep(3000);
}
