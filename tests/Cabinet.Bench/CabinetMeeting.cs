using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Meetings;
using Cabinet.Polls;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Bench;

/// <summary>The bench meeting, driven by its chair through the public hub API exactly as a chair's app would.</summary>
public sealed class CabinetMeeting
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly Failures _failures;
    private int _direction = 1;

    private CabinetMeeting(BenchClient chair, string id, ImmutableArray<string> itemIds, Failures failures) =>
        (Chair, Id, ItemIds, _failures) = (chair, id, itemIds, failures);

    public BenchClient Chair { get; }

    public string Id { get; }

    public ImmutableArray<string> ItemIds { get; }

    public int Current { get; private set; }

    /// <summary>Creates and schedules a meeting with the chair and the delegates, and joins the chair; null if refused.</summary>
    public static async Task<CabinetMeeting?> CreateAsync(BenchClient chair, IReadOnlyList<BenchAccount> delegates, Failures failures)
    {
        var id = MeetingKey.Of("tinh", $"bench-{delegates.Count}-{Guid.NewGuid():N}"[..28]);
        // Created with the chair alone, then the delegates in batches: every message stays far below the 64 KiB limit.
        var setup = new MeetingSetup(
            new MeetingDetails("Phiên họp đo tải", "Hội trường lớn", DateTimeOffset.UtcNow),
            [new ParticipantInvite("chutich", MeetingRole.Chair)],
            [.. BenchAgenda.Items]);
        var meeting = new CabinetMeeting(chair, id, [], failures);
        if (await meeting.CommandAsync(nameof(MeetingHub.CreateMeeting), id, setup) is null)
        {
            return null;
        }

        foreach (var batch in delegates.Chunk(ParticipantBatch.MaxSize))
        {
            ParticipantInvite[] invites = [.. batch.Select(d => new ParticipantInvite(d.UserName, MeetingRole.Delegate))];
            if (await meeting.CommandAsync(nameof(MeetingHub.AddParticipants), id, invites) is null)
            {
                return null;
            }
        }

        if (await meeting.CommandAsync(nameof(MeetingHub.ScheduleMeeting), id) is null)
        {
            return null;
        }

        var joined = await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), id).WaitAsync(CommandTimeout);
        if (!joined.Ok)
        {
            failures.Add(Failures.Refused, $"JoinMeeting (chair): {joined.Error?.Code}");
            return null;
        }

        chair.JoinedAt(joined.Value!.Version);
        return new CabinetMeeting(chair, id, [.. joined.Value.Agenda.Select(i => i.Id)], failures);
    }

    /// <summary>A delegate's screen: registers the device key once, then joins (present from now on).</summary>
    public async Task<bool> JoinAsync(BenchClient client)
    {
        var account = client.Account!;
        if (account.DeviceId is null)
        {
            var device = await client.Connection.InvokeAsync<Result<DeviceKey>>(nameof(MeetingHub.RegisterDevice), "Máy tính bảng đo tải", account.PublicKeySpki);
            account.DeviceId = device.Ok ? device.Value!.DeviceId : null;
            _failures.Add(Failures.Refused, $"RegisterDevice ({account.UserName}): {device.Error?.Code}", device.Ok ? 0 : 1);
        }

        var joined = await client.Connection.InvokeAsync<JoinAnswer>(nameof(MeetingHub.JoinMeeting), Id);
        if (joined.Value is null)
        {
            _failures.Add(Failures.Refused, $"JoinMeeting ({account.UserName}): {joined.Error?.Code}");
            return false;
        }

        client.JoinedAt(joined.Value.Version);
        return true;
    }

    /// <summary>The next agenda move: forwards to the end and back, with a jump every fifth move.</summary>
    public Task<long?> MoveAsync(int move)
    {
        if (move % 5 == 4)
        {
            Current = (Current + 2) % ItemIds.Length;
            return CommandAsync(nameof(MeetingHub.GoToItem), Id, ItemIds[Current]);
        }

        if (Current + _direction < 0 || Current + _direction >= ItemIds.Length)
        {
            _direction = -_direction;
        }

        Current += _direction;
        return CommandAsync(_direction > 0 ? nameof(MeetingHub.NextItem) : nameof(MeetingHub.PreviousItem), Id);
    }

    /// <returns>The meeting version after the command, or null when it was refused or failed (recorded).</returns>
    public async Task<long?> CommandAsync(string method, params object?[] arguments)
    {
        try
        {
            var result = await Chair.Connection.InvokeCoreAsync<CommandResult>(method, arguments).WaitAsync(CommandTimeout);
            _failures.Add(Failures.Refused, $"{method}: {result.Error?.Code} {result.Error?.Message}", result.Ok ? 0 : 1);
            return result.Ok ? result.Version : null;
        }
        catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
        {
            _failures.Add(Failures.Refused, $"{method}: {ex.GetType().Name} {ex.Message}");
            return null;
        }
    }


    private sealed record JoinAnswer(VersionOnly? Value, CabinetError? Error);

    private sealed record VersionOnly(long Version);
}
