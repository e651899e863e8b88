using Cabinet.Errors;
using Cabinet.Hub.Feeds;
using Cabinet.Hub.Limits;
using Cabinet.Notices;

namespace Cabinet.Hub;

/// <summary>The caller's own notice centre: always the box of the signed-in person, never anyone else's.</summary>
public sealed partial class MeetingHub
{
    /// <summary>A page of the caller's notices (newest first); from then on this connection gets <c>NoticesChanged</c>.</summary>
    [Query]
    public async Task<Result<NoticePage>> ListNotices(int offset, int count)
    {
        if (offset < 0 || count is < 1 or > NoticePage.MaxSize)
        {
            return Result<NoticePage>.Refused(ErrorCodes.Invalid($"Trang thông báo: vị trí từ 0, số lượng từ 1 đến {NoticePage.MaxSize}."));
        }

        if (Context.Items.TryAdd(nameof(NoticeFeeds), Caller.UserName))
        {
            await notices.AttachConnectionAsync(Caller.UserName, Context.ConnectionId);
        }

        return Result<NoticePage>.Of(await NoticeBox.ListAsync(offset, count));
    }

    /// <summary>Marks one notice read, or all with a null id; the value is the unread count after.</summary>
    public Task<Result<int>> MarkNoticesRead(string? noticeId) =>
        noticeId is { Length: 0 or > Notice.MaxIdLength } ? Task.FromResult(Result<int>.Refused(ErrorCodes.NoticeNotFound)) : NoticeBox.MarkReadAsync(noticeId);

    [Query]
    public async Task<Result<NoticePreferences>> GetNoticePreferences() => Result<NoticePreferences>.Of(await NoticeBox.GetPreferencesAsync());

    public Task<CommandResult> SetNoticePreferences(NoticePreferences preferences) => NoticeBox.SetPreferencesAsync(preferences);

    private INoticeBoxGrain NoticeBox => grains.GetGrain<INoticeBoxGrain>(Caller.UserName);

    private Task DetachNoticesAsync() =>
        Context.Items.TryGetValue(nameof(NoticeFeeds), out var userName) ? notices.DetachConnectionAsync((string)userName!, Context.ConnectionId) : Task.CompletedTask;
}
