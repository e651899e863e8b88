namespace Cabinet.Web.Isolation;

/// <summary>How an isolated child process ended: its exit code (null when it was killed), its output and the tail of its errors.</summary>
public sealed record ChildOutcome(int? ExitCode, bool TimedOut, bool OutputTooLarge, byte[] Output, string ErrorTail)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !OutputTooLarge;
}
