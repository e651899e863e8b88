using System.Collections.Immutable;

namespace Cabinet.Meetings;

/// <summary>Everything needed to create a meeting in draft.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.meeting-setup")]
public sealed record MeetingSetup(MeetingDetails Details, ImmutableArray<ParticipantInvite> Participants, ImmutableArray<AgendaItemInput> Agenda);
