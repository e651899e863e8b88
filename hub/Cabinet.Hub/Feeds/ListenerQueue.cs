using System.Threading.Channels;
using Cabinet.Meetings;
using Microsoft.Extensions.Logging;

namespace Cabinet.Hub.Feeds;

/// <summary>
/// One in-process listener's own bounded queue and delivery loop, so a slow or failing Blazor circuit never holds up
/// the meeting's other screens on this host. A listener that falls <see cref="Capacity"/> items behind loses its
/// backlog and is told the latest version instead (it catches up from the grain, as after a reconnect); one that
/// fails <see cref="FailuresToDrop"/> times in a row is dropped.
/// </summary>
internal sealed partial class ListenerQueue
{
    public const int Capacity = 512;
    public const int FailuresToDrop = 3;

    private readonly Channel<object> _items = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly string _meetingId;
    private readonly ILogger _logger;
    private readonly Action<ListenerQueue> _drop;
    private readonly Task _delivery;

    public ListenerQueue(MeetingListener listener, string meetingId, ILogger logger, Action<ListenerQueue> drop)
    {
        (Listener, _meetingId, _logger, _drop) = (listener, meetingId, logger, drop);
        _delivery = Task.Run(DeliverAsync);
    }

    public MeetingListener Listener { get; }

    /// <summary>Never waits: a full queue is emptied and replaced by the version to catch up to.</summary>
    public void Post(object item, long latestVersion)
    {
        if (_items.Writer.TryWrite(item))
        {
            return;
        }

        while (_items.Reader.TryRead(out _))
        {
        }

        _items.Writer.TryWrite(latestVersion);
        LogOverflow(_meetingId, Listener.Reader);
    }

    public Task CompleteAsync()
    {
        _items.Writer.TryComplete();
        return _delivery;
    }

    private async Task DeliverAsync()
    {
        var failures = 0;
        await foreach (var item in _items.Reader.ReadAllAsync())
        {
            try
            {
                await (item switch
                {
                    MeetingEvent e => Listener.OnEvent(e),
                    long version => Listener.OnVersion(version),
                    Polls.PollParticipation p => Listener.OnParticipation?.Invoke(p) ?? Task.CompletedTask,
                    Documents.AnnotationChange change => Listener.OnAnnotation?.Invoke(change) ?? Task.CompletedTask,
                    Polls.MyBallot ballot => Listener.OnMyBallot?.Invoke(ballot) ?? Task.CompletedTask,
                    _ => Task.CompletedTask,
                });
                failures = 0;
            }
            catch (Exception ex)
            {
                LogFailed(ex, _meetingId, Listener.Reader);
                if (++failures >= FailuresToDrop)
                {
                    _items.Writer.TryComplete();
                    _drop(this);
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: the screen of {UserName} fell behind; it catches up from the grain")]
    private partial void LogOverflow(string meetingId, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: delivering to the screen of {UserName} failed")]
    private partial void LogFailed(Exception exception, string meetingId, string userName);
}
