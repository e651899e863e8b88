namespace Cabinet.Voting.Signing;

/// <summary>
/// No usable timestamp could be had (the TSA is down, refused, or answered something that does not check out). The
/// record is not written without one: the caller keeps its input unchanged and tries again later.
/// </summary>
public sealed class TimestampUnavailableException : Exception
{
    public TimestampUnavailableException(string message)
        : base(message)
    {
    }

    public TimestampUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TimestampUnavailableException()
    {
    }
}
