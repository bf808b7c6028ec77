using System.Security.Cryptography;
using ScRepro.Foundation.Errors;
using ScRepro.Papers;

namespace ScRepro.Papers.Tests;

/// <summary>
/// `papers fetch` against the fake services (tests/fixtures/papers/api, written by make_fixtures.py): the expected
/// field values are the fixtures' own (which transcribe the manifests' citations), the hashes those of the fixture bytes.
/// </summary>
public sealed class PaperFetchTests
{
    [Fact]
    public void Fetch_writes_every_registry_paper_with_fields_bibtex_and_response_hashes()
    {
        using var f = new PapersFixture();
        f.Fetch();
        var papers = PaperLock.Load(f.LockFile, f.Registry).Document.Papers;
        Assert.Equal(f.Registry.Papers.Select(p => p.Key).Order(StringComparer.Ordinal), papers.Keys);

        var boiarsky = papers["boiarsky2023"];
        Assert.Equal(("10.1101/2023.10.19.563100", "biorxiv", 1), (boiarsky.Doi, boiarsky.Server, boiarsky.Version));
        Assert.Equal("A Deep Dive into Single-Cell RNA Sequencing Foundation Models", boiarsky.Title);
        Assert.Equal(new PaperAuthor("Boiarsky", "R."), boiarsky.Authors[0]);
        Assert.Equal(5, boiarsky.Authors.Count);
        Assert.Equal(2023, boiarsky.Year); // from the DOI's date: the fixture has no posting date
        Assert.Null(boiarsky.PublishedDoi);  // details "published": "NA"
        var detailsUrl = $"{f.Api.Biorxiv}/details/biorxiv/10.1101/2023.10.19.563100/na/json";
        Assert.Equal([detailsUrl, $"{f.Api.Doi}/10.1101/2023.10.19.563100"], boiarsky.Responses.Select(r => r.Url));
        Assert.Equal(Sha(f.Api.Fixture("/biorxiv/details/biorxiv/10.1101/2023.10.19.563100/na/json")), boiarsky.Responses[0].Sha256);
        Assert.Equal(Sha(f.Api.Fixture("/doi/10.1101/2023.10.19.563100")), boiarsky.BibtexSha256);
        Assert.StartsWith(" @misc{Boiarsky_2023,", boiarsky.Bibtex, StringComparison.Ordinal);

        var scgpt = papers["cui2024_scgpt"];
        Assert.Equal(("Nature Methods", "21", "1470–1480", 2024, (int?)null), (scgpt.Venue, scgpt.Volume, scgpt.Pages, scgpt.Year, scgpt.Version));
        Assert.Equal("journal-article", scgpt.Type);
        Assert.Equal(Sha(f.Api.Fixture("/crossref/works/10.1038/s41592-024-02201-0")), scgpt.Responses[0].Sha256);
        // BibTeX is asked for by content negotiation at the DOI resolver; the APIs with Accept: application/json.
        Assert.Contains(f.Api.Requests, r => r.Path == "/doi/10.1038/s41592-024-02201-0" && r.Accept == "application/x-bibtex");
        Assert.Contains(f.Api.Requests, r => r.Path == "/crossref/works/10.1038/s41592-024-02201-0" && r.Accept == "application/json");
        Assert.Equal(PapersFixture.Clock.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), scgpt.FetchedUtc);
    }

    [Fact]
    public void The_same_answers_and_clock_give_byte_identical_locks_with_sorted_keys()
    {
        using var f = new PapersFixture();
        f.Fetch();
        var first = File.ReadAllBytes(f.LockFile);
        f.Fetch();
        Assert.Equal(first, File.ReadAllBytes(f.LockFile));
        var text = File.ReadAllText(f.LockFile);
        Assert.True(text.IndexOf("\"ahlmann_eltze2024_linear\"", StringComparison.Ordinal) < text.IndexOf("\"zheng2017\"", StringComparison.Ordinal));
        Assert.StartsWith("{\n  \"schema\": \"screpro.papers/1\",\n  \"provenance\"", text, StringComparison.Ordinal);
        Assert.Contains("NOT the public services", text, StringComparison.Ordinal); // made from 127.0.0.1, and it says so
    }

    [Fact]
    public void A_404_names_the_url_exits_2_and_leaves_the_old_lock_untouched()
    {
        using var f = new PapersFixture();
        f.Fetch();
        var before = File.ReadAllBytes(f.LockFile);
        f.Api.Override("/crossref/works/10.1126/science.aax4438", 404, "Resource not found.");
        var e = Assert.Throws<ScReproException>(() => f.Fetch());
        Assert.Contains("/crossref/works/10.1126/science.aax4438", e.Message, StringComparison.Ordinal);
        Assert.Contains("404", e.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(f.LockFile));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(f.LockFile)!, ".*tmp"));
    }

    [Fact]
    public void A_persistent_5xx_exits_3_after_the_retries_and_writes_no_lock()
    {
        using var f = new PapersFixture();
        f.Api.Override("/biorxiv/details/biorxiv/10.1101/2023.10.24.563625/na/json", 503, "{\"status\":\"unavailable\"}");
        var e = Assert.Throws<ScReproException>(() => f.Fetch());
        Assert.Equal(ExitCodes.Network, e.ExitCode);
        Assert.Contains("after 3 attempts", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(f.LockFile));
        Assert.Equal([f.RegistryFile], Directory.GetFiles(Path.GetDirectoryName(f.LockFile)!));
    }

    [Fact]
    public void A_429_then_200_is_retried_and_succeeds()
    {
        using var f = new PapersFixture();
        f.Api.FailFirst("/crossref/works/10.1038/ncomms14049", 429, times: 1);
        f.Fetch();
        Assert.Equal(2, f.Api.Requests.Count(r => r.Path == "/crossref/works/10.1038/ncomms14049"));
        Assert.Equal("Nature Communications", PaperLock.Load(f.LockFile, f.Registry).Document.Papers["zheng2017"].Venue);
    }

    [Theory]
    [InlineData("/crossref/works/10.1038/ncomms14049", "<html>rate limited</html>", "the response is not JSON")]
    [InlineData("/crossref/works/10.1038/ncomms14049", "{\"status\":\"ok\",\"message-type\":\"work\",\"message\":{\"DOI\":\"10.1038/ncomms14049\"}}", "field 'message.title': missing or empty")]
    [InlineData("/crossref/works/10.1038/ncomms14049", "{\"status\":\"ok\",\"message-type\":\"work-list\",\"message\":{}}", "field 'message-type': expected 'work'")]
    [InlineData("/biorxiv/details/biorxiv/10.1101/2023.10.19.563100/na/json", "{\"messages\":[{\"status\":\"no posts found\"}],\"collection\":[]}", "field 'messages[0].status'")]
    [InlineData("/biorxiv/details/biorxiv/10.1101/2023.10.19.563100/na/json", "{\"messages\":[{\"status\":\"ok\"}],\"collection\":[{\"version\":\"2\",\"title\":\"T\",\"authors\":\"A, B.\"}]}", "version 1 of 10.1101/2023.10.19.563100 is not listed (the server has: v2)")]
    [InlineData("/doi/10.1038/ncomms14049", "<!DOCTYPE html><html>", "expected BibTeX")]
    public void Malformed_answers_are_one_error_naming_the_url_and_field_and_write_no_lock(string path, string body, string expected)
    {
        using var f = new PapersFixture();
        f.Api.Override(path, 200, body);
        var e = Assert.Throws<ScReproException>(() => f.Fetch());
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.False(File.Exists(f.LockFile));
    }

    [Fact]
    public void Fetch_with_key_refreshes_only_that_paper()
    {
        using var f = new PapersFixture();
        f.Fetch();
        var before = PaperLock.Load(f.LockFile, f.Registry).Document.Papers;
        f.Api.Override("/crossref/works/10.1038/ncomms14049", 500, "down"); // not asked for: --key names another paper
        f.Fetch("norman2019");
        var after = PaperLock.Load(f.LockFile, f.Registry).Document.Papers;
        Assert.Equal(Foundation.IO.Json.Serialize(before["zheng2017"]), Foundation.IO.Json.Serialize(after["zheng2017"]));
        Assert.Equal(1, f.Api.Requests.Count(r => r.Path == "/crossref/works/10.1038/ncomms14049")); // the first fetch only
        Assert.Contains("--key 'nope'", Assert.Throws<ScReproException>(() => f.Fetch("nope")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_lock_is_what_fetch_makes_from_the_fixtures()
    {
        // Regeneration check: only the fetch time, the command and the fake's port may differ.
        using var f = new PapersFixture();
        var made = f.Fetch();
        var committedFile = Path.Combine(Testing.TestPaths.RepoRoot, "manifests", PaperLock.FileName);
        var committed = PaperLock.Load(committedFile, Core.Manifests.PaperRegistryLoader.Load(Path.Combine(Testing.TestPaths.RepoRoot, "manifests", "papers.yaml"))).Document;
        Assert.Equal(made.Papers.Keys, committed.Papers.Keys);
        foreach (var (key, paper) in made.Papers)
        {
            var c = committed.Papers[key];
            Assert.Equal(Foundation.IO.Json.Serialize(Strip(paper)), Foundation.IO.Json.Serialize(Strip(c)));
            Assert.Equal(paper.Responses.Select(r => r.Sha256), c.Responses.Select(r => r.Sha256));
            Assert.Equal(paper.Responses.Select(r => UrlPath(r.Url)), c.Responses.Select(r => UrlPath(r.Url)));
        }
        static LockedPaper Strip(LockedPaper p) => p with { FetchedUtc = "", Responses = [] };
        static string UrlPath(string url) => new Uri(url).AbsolutePath;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
