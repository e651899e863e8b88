using System.Diagnostics;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Bench;

/// <summary>
/// "My meetings" for a secretary with many past meetings: creates them through the hub (several at a time, spread over
/// the past months like a busy office's), then times the first page — read from the indexes — a number of times.
/// </summary>
public static class MyMeetingsBench
{
    private const int InFlight = 8;

    public static async Task<ListingResult> RunAsync(Uri baseAddress, int meetings, int calls, Failures failures)
    {
        await using var chair = await MeetingHubClient.ConnectAsync(baseAddress, "chutich");
        await using var secretary = await MeetingHubClient.ConnectAsync(baseAddress, "thuky");
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        using var gate = new SemaphoreSlim(InFlight);
        await Task.WhenAll(Enumerable.Range(0, meetings).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var id = MeetingKey.Of("tinh", $"ds-{i}-{Guid.NewGuid():N}"[..24]);
                var setup = new MeetingSetup(
                    new MeetingDetails($"Phiên họp đã qua {i}", "Phòng họp 1", now.AddDays(-1).AddHours(-6 * i)),
                    [new ParticipantInvite("chutich", MeetingRole.Chair), new ParticipantInvite("thuky", MeetingRole.Secretary)],
                    [new AgendaItemInput("Nội dung", "", 5, "")]);
                if (!(await chair.InvokeAsync(nameof(MeetingHub.CreateMeeting), id, setup)).Ok)
                {
                    failures.Add("list meeting not created", id);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        var createSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var samples = new List<double>(calls);
        var items = 0;
        for (var i = 0; i < calls; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var page = await secretary.Connection.InvokeAsync<Result<MeetingPage>>(nameof(MeetingHub.ListMyMeetingsPage), (string?)null);
            samples.Add(LatencyStats.Milliseconds(before, Stopwatch.GetTimestamp()));
            items = page.Value?.Items.Length ?? 0;
            // The secretary sees at least the meetings created here (the demo data adds a few): a full page, and a next one when they overflow it.
            if (!page.Ok || items < Math.Min(meetings, MeetingPage.MaxSize) || (meetings > MeetingPage.MaxSize && page.Value!.NextCursor is null))
            {
                failures.Add("first page of my meetings", page.Error?.Code ?? $"{items} items, next page {(page.Value!.NextCursor is null ? "missing" : "present")}");
            }
        }

        return new ListingResult(meetings, createSeconds, items, LatencyStats.Of(samples));
    }
}
