namespace Cabinet.Voting.Polls;

public enum PollStatus
{
    Open,
    Closed,
    Cancelled,
}
