using Cabinet.Meetings;

namespace Cabinet.Web.Api;

/// <summary>A meeting to create in draft in the caller's organisation: its id (a slug), details, participants and agenda.</summary>
public sealed record NewMeeting(string? Id, MeetingDetails? Details, ParticipantInvite[]? Participants, AgendaItemInput[]? Agenda);
