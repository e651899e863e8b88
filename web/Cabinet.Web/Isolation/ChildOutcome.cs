namespace Cabinet.Web.Isolation;

/// <summary>
/// How an isolated child process ended: its exit code (null when it was killed), its output, and the start of its
/// error output (where the runtime says "Stack overflow." or names an unhandled exception).
/// </summary>
public sealed record ChildOutcome(int? ExitCode, bool TimedOut, bool OutputTooLarge, byte[] Output, string ErrorHead)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !OutputTooLarge;
}
