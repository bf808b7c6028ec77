namespace ScRepro.Foundation.Errors;

/// <summary>
/// The exit codes of <c>screpro</c>, one meaning each, so a caller (Cake, CI) never mistakes a crash for an answer:
/// <c>status</c> says "stale" only with <see cref="Stale"/>, and a bug is <see cref="Internal"/>, never 1.
/// </summary>
public static class ExitCodes
{
    /// <summary>Success; for <c>status</c>, up to date.</summary>
    public const int Ok = 0;

    /// <summary>Bad input: a manifest, a data file, a checksum (the message names the file and the field).</summary>
    public const int BadInput = 2;

    /// <summary>A download failed after its retries (network trouble, not bad data).</summary>
    public const int Network = 3;

    /// <summary><c>status</c>: the stage would run (its stamps do not match). Not used by any error.</summary>
    public const int Stale = 10;

    /// <summary>A bug in ScRepro (an exception no check anticipated); sysexits' EX_SOFTWARE.</summary>
    public const int Internal = 70;

    /// <summary>Another run holds this tree's lock; sysexits' EX_TEMPFAIL (try again later).</summary>
    public const int Busy = 75;
}
