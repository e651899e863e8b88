using System.Diagnostics;
using Cabinet.Hub;
using Cabinet.Meetings;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Bench;

/// <summary>
/// One simulated screen: a real SignalR connection that notes when each meeting version arrived (Stopwatch
/// timestamps of this process) and can tell which versions after its join it never received. Lighter than
/// <c>MeetingHubClient</c> on purpose: 2,000 of them share the machine with the server being measured.
/// </summary>
public sealed class BenchClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _arrivals = [];
    private readonly Dictionary<string, long> _annotations = new(StringComparer.Ordinal);
    private long _settled;

    public BenchClient(HubConnection connection, BenchAccount? account)
    {
        (Connection, Account) = (connection, account);
        connection.On<MeetingEvent>(nameof(IMeetingClient.MeetingEvent), OnEvent);
        connection.On<string, long>(nameof(IMeetingClient.MeetingVersion), (_, _) => { });
        connection.On<Polls.PollParticipation>(nameof(IMeetingClient.PollParticipation), _ => { });
        // Every push has a handler: SignalR's client throws and catches an exception for each message it cannot bind.
        connection.On<Polls.MyBallot>(nameof(IMeetingClient.BallotRecorded), _ => { });
        connection.On<NoticeCount>(nameof(IMeetingClient.NoticesChanged), _ => { });
        connection.On<Opinions.OpinionEvent>(nameof(IMeetingClient.OpinionEvent), _ => { });
        connection.On<Documents.AnnotationChange>(nameof(IMeetingClient.AnnotationChanged), OnAnnotation);
    }

    public HubConnection Connection { get; }

    public BenchAccount? Account { get; }

    /// <summary>The last <c>poll.closed</c> event this screen received.</summary>
    public MeetingEvent? PollClosed { get; private set; }

    public MeetingEvent? LastEvent { get; private set; }

    public Documents.AnnotationChange? LastAnnotation { get; private set; }

    /// <summary>Versions up to this one are in the snapshot the client joined with.</summary>
    public void JoinedAt(long version)
    {
        lock (_gate)
        {
            _settled = Math.Max(_settled, version);
        }
    }

    public bool Has(long version)
    {
        lock (_gate)
        {
            return version <= _settled || _arrivals.ContainsKey(version);
        }
    }

    public long? ArrivalOf(long version)
    {
        lock (_gate)
        {
            return _arrivals.TryGetValue(version, out var at) ? at : null;
        }
    }

    /// <summary>When the push of a shared annotation first reached this screen (Stopwatch timestamp).</summary>
    public long? AnnotationArrival(string annotationId)
    {
        lock (_gate)
        {
            return _annotations.TryGetValue(annotationId, out var at) ? at : null;
        }
    }

    /// <summary>Counts the versions after the last check up to <paramref name="version"/> that never arrived, then forgets them.</summary>
    public int Settle(long version)
    {
        lock (_gate)
        {
            var missing = 0;
            for (var v = _settled + 1; v <= version; v++)
            {
                missing += _arrivals.Remove(v) ? 0 : 1;
            }

            _settled = Math.Max(_settled, version);
            _arrivals.Keys.Where(v => v <= _settled).ToList().ForEach(v => _arrivals.Remove(v));
            return missing;
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void OnAnnotation(Documents.AnnotationChange change)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _annotations.TryAdd(change.AnnotationId, now);
            LastAnnotation = change;
        }
    }

    private void OnEvent(MeetingEvent e)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _arrivals.TryAdd(e.Version, now);
            LastEvent = e;
            if (e.Kind == MeetingEventKinds.PollClosed)
            {
                PollClosed = e;
            }
        }
    }
}
