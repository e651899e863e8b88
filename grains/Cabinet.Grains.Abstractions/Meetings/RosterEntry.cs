namespace Cabinet.Meetings;

/// <summary>One line of the room list: a participant and their presence (null until they first join).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.roster-entry")]
public sealed record RosterEntry(Participant Participant, Presence? Presence);
