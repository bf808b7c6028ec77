using ScRepro.Verification.Comparison;

namespace ScRepro.Papers.Tests;

/// <summary>
/// `papers check` over a lock fetched from the fixtures, after the fake services changed their answers the three ways
/// research note §4.5 lists. The answers are hand-written in the documented shapes (§4.1 details items, §4.2
/// relation/update-to); the expected verdicts are §4.5's.
/// </summary>
public sealed class PaperCheckTests
{
    private const string BoiarskyDetails = "/biorxiv/details/biorxiv/10.1101/2023.10.19.563100/na/json";

    [Fact]
    public void Unchanged_answers_report_nothing_and_exit_0()
    {
        using var f = new PapersFixture();
        f.Fetch();
        var findings = f.Check();
        Assert.Empty(findings);
        Assert.Equal(0, PaperChecker.ExitCode(findings, failOnDrifted: true));
    }

    [Fact]
    public void A_newer_preprint_version_is_drifted_naming_both_versions()
    {
        using var f = new PapersFixture();
        f.Fetch();
        f.Api.Override(BoiarskyDetails, 200, """
            {"messages":[{"status":"ok","count":2,"total":2}],"collection":[
             {"doi":"10.1101/2023.10.19.563100","title":"A Deep Dive into Single-Cell RNA Sequencing Foundation Models","authors":"Boiarsky, R.","version":"1","published":"NA","server":"biorxiv"},
             {"doi":"10.1101/2023.10.19.563100","title":"A Deep Dive into Single-Cell RNA Sequencing Foundation Models","authors":"Boiarsky, R.","date":"2024-05-01","version":"2","published":"NA","server":"biorxiv","unknown_field":1}]}
            """);
        var finding = Assert.Single(f.Check());
        Assert.Equal(("boiarsky2023", Verdict.Drifted), (finding.Key, finding.Verdict));
        Assert.Equal("v2 posted on 2024-05-01; the numbers were read from v1", finding.Message);
        Assert.Equal(0, PaperChecker.ExitCode([finding], failOnDrifted: false));
        Assert.Equal(3, PaperChecker.ExitCode([finding], failOnDrifted: true));
    }

    [Fact]
    public void A_published_version_is_drifted_from_the_details_and_from_crossref_is_preprint_of()
    {
        using var f = new PapersFixture();
        f.Fetch();
        f.Api.Override(BoiarskyDetails, 200, """
            {"messages":[{"status":"ok"}],"collection":[{"title":"T","authors":"Boiarsky, R.","version":"1","published":"10.1000/journal.1"}]}
            """);
        f.Api.Override("/crossref/works/10.1101/2024.09.16.613342", 200, """
            {"status":"ok","message-type":"work","message":{"DOI":"10.1101/2024.09.16.613342","type":"posted-content","title":["T"],
             "relation":{"is-preprint-of":[{"id-type":"doi","id":"10.1000/journal.2","asserted-by":"subject"}]}}}
            """);
        var findings = f.Check();
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, x => x.Key == "boiarsky2023" && x.Verdict == Verdict.Drifted && x.Message.StartsWith("now published as https://doi.org/10.1000/journal.1", StringComparison.Ordinal));
        Assert.Contains(findings, x => x.Key == "ahlmann_eltze2024_linear" && x.Verdict == Verdict.Drifted && x.Message.Contains("10.1000/journal.2 (Crossref is-preprint-of)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_retraction_is_broken_exit_4_and_a_correction_drifted()
    {
        using var f = new PapersFixture();
        f.Fetch();
        f.Api.Override("/crossref/works/10.1126/science.aax4438", 200, """
            {"status":"ok","message-type":"work","message":{"DOI":"10.1126/science.aax4438","title":["T"],
             "update-to":[{"updated":{"date-parts":[[2025,3,4]]},"DOI":"10.1000/retraction.1","type":"retraction","label":"Retraction"}]}}
            """);
        f.Api.Override("/crossref/works/10.1038/ncomms14049", 200, """
            {"status":"ok","message-type":"work","message":{"DOI":"10.1038/ncomms14049","title":["T"],
             "updated-by":[{"updated":{"date-parts":[[2018,1]]},"DOI":"10.1000/erratum.1","type":"correction","label":"Correction"}]}}
            """);
        var findings = f.Check();
        var retracted = Assert.Single(findings, x => x.Key == "norman2019");
        Assert.Equal(Verdict.Broken, retracted.Verdict);
        Assert.Equal("RETRACTED: Retraction https://doi.org/10.1000/retraction.1 (2025-03-04) (Crossref retraction)", retracted.Message);
        var corrected = Assert.Single(findings, x => x.Key == "zheng2017");
        Assert.Equal(Verdict.Drifted, corrected.Verdict);
        Assert.Equal(4, PaperChecker.ExitCode(findings, failOnDrifted: false));
    }

    [Fact]
    public void Check_needs_the_lock_and_a_5xx_is_a_network_error()
    {
        using var f = new PapersFixture();
        Assert.Contains("papers.lock.json: not found", Assert.Throws<Foundation.Errors.ScReproException>(() => f.Check()).Message, StringComparison.Ordinal);
        f.Fetch();
        f.Api.Override("/crossref/works/10.1038/ncomms14049", 502, "bad gateway");
        Assert.Equal(Foundation.Errors.ExitCodes.Network, Assert.Throws<Foundation.Errors.ScReproException>(() => f.Check()).ExitCode);
    }
}
