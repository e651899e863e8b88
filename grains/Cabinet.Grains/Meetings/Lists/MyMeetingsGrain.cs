using Cabinet.Errors;
using Cabinet.People;
using Orleans.Concurrency;

namespace Cabinet.Meetings;

[StatelessWorker]
public sealed class MyMeetingsGrain(TimeProvider clock) : Grain, IMyMeetingsGrain
{
    /// <summary>A meeting that started less than this long ago still counts as upcoming (it may be running now).</summary>
    public static readonly TimeSpan RunningWindow = TimeSpan.FromHours(12);

    public async Task<Result<MeetingPage>> GetPageAsync(Actor actor, string? cursor, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var position = cursor is null ? MeetingPageCursor.Start(clock.GetUtcNow() - RunningWindow) : MeetingPageCursor.Parse(cursor);
        if (position is null)
        {
            return Result<MeetingPage>.Refused(ErrorCodes.Invalid("Vị trí trang không hợp lệ."));
        }

        var walk = await MyMeetingsWalk.StartAsync(GrainFactory, actor, position);
        return Result<MeetingPage>.Of(await walk.ReadAsync(Math.Clamp(pageSize, 1, MeetingPage.MaxSize)));
    }
}
