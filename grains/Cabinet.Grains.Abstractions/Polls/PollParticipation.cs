using System.Collections.Immutable;

namespace Cabinet.Polls;

/// <summary>
/// How many of the eligible voters have voted. <see cref="NotYetVoted"/> is filled only for the chair and the
/// secretary of a named poll; it is never pushed to the room.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.poll-participation")]
public sealed record PollParticipation(string MeetingId, string PollId, int Voted, int Eligible, ImmutableArray<string>? NotYetVoted = null);
