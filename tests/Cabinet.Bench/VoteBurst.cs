using System.Diagnostics;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Voters;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Bench;

/// <summary>
/// The vote burst: the chair opens a poll, every delegate casts a ballot signed beforehand at the same moment, the
/// chair closes it, and every screen must show a result that counts exactly the ballots that got receipts. A first,
/// smaller vote (a tenth of the delegates) is not measured, as the first agenda moves and notes are not: the
/// process's first vote compiles the vote path (the JIT took ≈ 10 % of the CPU of a cold 3,000-ballot burst).
/// </summary>
public static class VoteBurst
{
    private static readonly TimeSpan BallotTimeout = TimeSpan.FromMinutes(5);

    public static async Task<VoteBurstResult> RunAsync(CabinetMeeting meeting, IReadOnlyList<BenchClient> screens, ServerProbe probe, Failures failures)
    {
        var warmUp = await VoteAsync(meeting, screens, [.. screens.Take(Math.Max(1, screens.Count / 10))], probe, failures, "warm-up vote (not measured)");
        return warmUp.Counted is null ? warmUp : await VoteAsync(meeting, screens, screens, probe, failures, "vote burst");
    }

    /// <param name="voters">The screens that vote; every screen must show the result.</param>
    private static async Task<VoteBurstResult> VoteAsync(
        CabinetMeeting meeting, IReadOnlyList<BenchClient> screens, IReadOnlyList<BenchClient> voters, ServerProbe probe, Failures failures, string label)
    {
        var motion = new MotionInput(meeting.ItemIds[meeting.Current], "Thông qua Dự thảo Nghị quyết phân bổ dự toán ngân sách năm 2027",
            Eligibility: EligibilityPolicy.PresentDelegatesAndChair);
        if (await meeting.CommandAsync(nameof(MeetingHub.OpenPoll), meeting.Id, motion) is not { } opened)
        {
            return VoteBurstResult.NotRun;
        }

        var snapshot = await meeting.Chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), meeting.Id);
        var pollId = snapshot.Value?.OpenPoll?.PollId ?? throw new InvalidOperationException("The opened poll is not in the snapshot.");
        await Arrivals.WaitAllAsync(screens, opened, FanOut.Patience);
        failures.Add(Failures.MissingEvent, "poll.opened missing on screens", screens.Sum(s => s.Settle(opened)));

        // Signed before the clock starts: the measured window is the server's, not the delegates' signing.
        var ballots = voters.Select((s, i) => s.Account!.Sign(meeting.Id, pollId, i % 10 < 6 ? YesNoChoices.Yes : i % 10 < 8 ? YesNoChoices.No : YesNoChoices.Abstain)).ToArray();
        var (start, cpu) = (Stopwatch.GetTimestamp(), probe.CpuSeconds());
        var receipts = await Task.WhenAll(voters.Select((s, i) => CastAsync(s, ballots[i], failures)));
        var received = receipts.OfType<long>().ToArray();
        var receiptsMs = received.Length == 0 ? double.NaN : LatencyStats.Milliseconds(start, received.Max());

        var receiptsCpu = probe.CpuSeconds() - cpu;
        (var closing, cpu) = (Stopwatch.GetTimestamp(), probe.CpuSeconds());
        if (await meeting.CommandAsync(nameof(MeetingHub.ClosePoll), meeting.Id, pollId) is not { } closed)
        {
            return new VoteBurstResult(voters.Count, received.Length, receiptsMs, LatencyStats.Empty, null);
        }

        await Arrivals.WaitAllAsync([.. screens, meeting.Chair], closed, FanOut.Patience);
        var counted = meeting.Chair.PollClosed?.PollUpdate?.Result?.BallotCount;
        var tally = new List<double>(screens.Count);
        foreach (var screen in screens)
        {
            var shown = screen.PollClosed?.PollUpdate is { PollId: var id, Result: { } result } && id == pollId ? result.BallotCount : (long?)null;
            if (screen.ArrivalOf(closed) is not { } at || shown is null)
            {
                failures.Add(Failures.MissingTally, $"{screen.Account?.UserName}: no poll.closed with a result");
                continue;
            }

            tally.Add(LatencyStats.Milliseconds(closing, at));
            failures.Add(Failures.TallyDiffers, $"{screen.Account?.UserName} shows {shown} ballots, the signed result {counted}", shown == counted ? 0 : 1);
        }

        failures.Add(Failures.MissingEvent, "poll events missing on screens", screens.Sum(s => s.Settle(closed)));
        var stats = LatencyStats.Of(tally);
        BenchRun.Log($"  {label}: {received.Length}/{voters.Count} receipts in {receiptsMs:0} ms (server CPU {receiptsCpu:0.00} s); "
            + $"close → result on every screen p50/max {stats.P50:0}/{stats.Max:0} ms (server CPU {probe.CpuSeconds() - cpu:0.00} s)");
        // Counted without a receipt (the voter was told it failed) or receipted but not counted: either way a miscounted vote.
        failures.Add(Failures.Miscounted, $"signed result counts {counted} ballots, {received.Length} receipts", (int)Math.Abs((counted ?? 0) - received.Length));
        return new VoteBurstResult(voters.Count, received.Length, receiptsMs, stats, counted);
    }

    /// <returns>When the receipt arrived (Stopwatch timestamp), or null without a receipt (recorded).</returns>
    private static async Task<long?> CastAsync(BenchClient screen, BallotSubmission ballot, Failures failures)
    {
        try
        {
            var result = await screen.Connection.InvokeAsync<Result<Receipt>>(nameof(MeetingHub.CastBallot), ballot).WaitAsync(BallotTimeout);
            var at = Stopwatch.GetTimestamp();
            failures.Add(Failures.NoReceipt, $"{screen.Account?.UserName}: refused {result.Error?.Code}", result.Ok ? 0 : 1);
            return result.Ok ? at : null;
        }
        catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
        {
            failures.Add(Failures.NoReceipt, $"{screen.Account?.UserName}: {ex.GetType().Name} {ex.Message}");
            return null;
        }
    }
}
