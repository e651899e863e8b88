using Orleans.Concurrency;
using Cabinet.Errors;

namespace Cabinet.Notices;

/// <summary>
/// One person's notices (key: user name): the in-app centre, bounded to the last <c>200</c>, and the queue of e-mails and
/// text messages still to send. Only the person reads it (the hub and pages key it by the caller's own name).
/// </summary>
[Alias("cabinet.INoticeBoxGrain")]
public interface INoticeBoxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the notice, pushes the new unread count and queues the person's chosen channels; sending happens after,
    /// so a failing channel never holds up the caller. False when the box already took this id (or the notice is invalid).
    /// </summary>
    Task<bool> DeliverAsync(Notice notice);

    /// <summary>Newest first, from <paramref name="offset"/>, at most <see cref="NoticePage.MaxSize"/>.</summary>
    Task<NoticePage> ListAsync(int offset, int count);

    Task<int> GetUnreadAsync();

    /// <summary>Marks one notice read, or all of them when <paramref name="noticeId"/> is null. Value: the unread count after.</summary>
    Task<Result<int>> MarkReadAsync(string? noticeId);

    Task<NoticePreferences> GetPreferencesAsync();

    /// <summary>Stores the channels and, in the profile, the checked address and number.</summary>
    Task<CommandResult> SetPreferencesAsync(NoticePreferences preferences);

    /// <summary>A host follows the box; renew within <see cref="NoticeSubscriptions.Expiry"/>.</summary>
    Task SubscribeAsync(INoticeObserver observer);

    Task UnsubscribeAsync(INoticeObserver observer);
}

/// <summary>A host that shows this person's bell: told the unread count after every change.</summary>
[Alias("cabinet.INoticeObserver")]
public interface INoticeObserver : IGrainObserver
{
    /// <summary>The box of <paramref name="userName"/> changed; <paramref name="latest"/> is the new notice, if one arrived.</summary>
    [OneWay]
    Task OnNoticesChangedAsync(string userName, int unread, Notice? latest);
}

public static class NoticeSubscriptions
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);
}
