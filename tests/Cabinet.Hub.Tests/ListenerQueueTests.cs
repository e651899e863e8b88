using System.Collections.Concurrent;
using Cabinet.Hub.Feeds;
using Cabinet.Meetings;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cabinet.Hub.Tests;

/// <summary>One slow or failing screen never delays another: each in-process listener has its own bounded queue.</summary>
public sealed class ListenerQueueTests
{
    [Fact]
    public async Task A_blocked_screen_does_not_hold_up_another_and_catches_up_by_version_when_it_overflows()
    {
        var release = new TaskCompletionSource();
        var slowSeen = new ConcurrentQueue<object>();
        var fastSeen = new ConcurrentQueue<long>();
        var slow = new ListenerQueue(Listener("cham", async e => { slowSeen.Enqueue(e); await release.Task; }, v => { slowSeen.Enqueue(v); return Task.CompletedTask; }),
            "tinh/m", NullLogger.Instance, _ => { });
        var fast = new ListenerQueue(Listener("nhanh", e => { fastSeen.Enqueue(e.Version); return Task.CompletedTask; }, _ => Task.CompletedTask),
            "tinh/m", NullLogger.Instance, _ => { });

        const int Events = ListenerQueue.Capacity * 3;
        for (var v = 1; v <= Events; v++)
        {
            var e = Event(v);
            slow.Post(e, v);
            fast.Post(e, v);
            if (v % 100 == 0)
            {
                await WaitUntilAsync(() => fastSeen.Count == v); // the fast screen keeps up while the slow one is stuck
            }
        }

        await WaitUntilAsync(() => fastSeen.Count == Events);
        Assert.Equal(Enumerable.Range(1, Events).Select(v => (long)v), fastSeen);

        release.SetResult();
        await WaitUntilAsync(() => slowSeen.LastOrDefault() is MeetingEvent { Version: Events } or long and Events);
        Assert.Contains(slowSeen, item => item is long); // told to catch up from the grain for what it lost
        Assert.True(slowSeen.Count <= ListenerQueue.Capacity + 2, $"the slow screen's backlog was bounded ({slowSeen.Count} deliveries)");
        await Task.WhenAll(slow.CompleteAsync(), fast.CompleteAsync());
    }

    [Fact]
    public async Task A_failing_screen_is_dropped_after_repeated_failures_and_the_others_miss_nothing()
    {
        var dropped = new TaskCompletionSource<ListenerQueue>();
        var seen = new ConcurrentQueue<long>();
        var failing = new ListenerQueue(Listener("hong", _ => throw new InvalidOperationException("circuit gone"), _ => Task.CompletedTask),
            "tinh/m", NullLogger.Instance, q => dropped.TrySetResult(q));
        var healthy = new ListenerQueue(Listener("tot", e => { seen.Enqueue(e.Version); return Task.CompletedTask; }, _ => Task.CompletedTask),
            "tinh/m", NullLogger.Instance, _ => { });

        for (var v = 1; v <= 10; v++)
        {
            failing.Post(Event(v), v);
            healthy.Post(Event(v), v);
        }

        Assert.Same(failing, await dropped.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await WaitUntilAsync(() => seen.Count == 10);
        Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), seen);
        await healthy.CompleteAsync();
    }

    private static MeetingListener Listener(string reader, Func<MeetingEvent, Task> onEvent, Func<long, Task> onVersion) => new(reader, onEvent, onVersion);

    private static MeetingEvent Event(long version) => new("tinh/m", version, "agenda.moved", DateTimeOffset.UtcNow, "chutich");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !condition(); await Task.Delay(5))
        {
            Assert.True(DateTime.UtcNow < deadline, "not delivered in time");
        }
    }
}
