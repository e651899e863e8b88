using Cabinet.Hub;
using Microsoft.AspNetCore.SignalR;

namespace Cabinet.Bench;

/// <summary>
/// The bare-SignalR baseline: no sign-in, no grain, no storage — join a group; a move sends the event to it, a note
/// sends Cabinet's shared-note push to everyone else in it.
/// </summary>
public sealed class BaselineHub(BaselinePayload payload) : Microsoft.AspNetCore.SignalR.Hub
{
    public const string Path = "/hubs/baseline";
    private const string Group = "meeting";

    /// <returns>The version now: later moves are what this screen must receive.</returns>
    public async Task<long> Join()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group);
        return payload.Version;
    }

    public async Task<long> Move()
    {
        var e = payload.Next();
        await Clients.Group(Group).SendAsync(nameof(IMeetingClient.MeetingEvent), e);
        return e.Version;
    }

    /// <returns>The note's id, which every other screen must receive.</returns>
    public async Task<string> Note(int i)
    {
        var id = $"b{i + 1}";
        var note = payload.Note ?? throw new HubException("No Cabinet note to copy.");
        await Clients.OthersInGroup(Group).SendAsync(nameof(IMeetingClient.AnnotationChanged), note with { AnnotationId = id });
        return id;
    }
}
