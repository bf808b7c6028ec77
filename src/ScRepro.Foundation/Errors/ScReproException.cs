namespace ScRepro.Foundation.Errors;

/// <summary>
/// An error the user can act on: bad input, a checksum mismatch, a refused pickle.
/// The CLI prints its message as one line and exits with <see cref="ExitCode"/>; no stack trace.
/// The message should name the file and the field or key that is wrong.
/// </summary>
public class ScReproException : Exception
{
    public ScReproException(string message, int exitCode = 2, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    /// <summary>Process exit code the CLI returns for this error (2 for bad input by convention).</summary>
    public int ExitCode { get; }
}
