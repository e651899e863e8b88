namespace Cabinet.Opinions;

/// <summary>
/// The one place an opinion ballot tells people outside an open page: sent to the members asked, the deadline near
/// for those who have not answered, overdue for the office and the chair. It does nothing yet.
/// TODO(notices branch): wire the notification centre, e-mail and SMS here after the merge; each method is called once
/// per step (from the ballot's grain, after the step is stored), with the people to tell.
/// </summary>
public sealed class OpinionNotices
{
    public Task SentAsync(string ballotKey, string title, IReadOnlyList<string> members, DateTimeOffset deadline) => Task.CompletedTask;

    public Task DeadlineNearAsync(string ballotKey, string title, IReadOnlyList<string> notAnswered, DateTimeOffset deadline) => Task.CompletedTask;

    public Task OverdueAsync(string ballotKey, string title, IReadOnlyList<string> officeAndChair, IReadOnlyList<string> notAnswered) => Task.CompletedTask;
}
