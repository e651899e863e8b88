using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>The checks and the accepted decision shared by every floor command.</summary>
internal static class FloorChecks
{
    /// <summary>The queue moves only while the meeting is live; a closed meeting's floor is frozen.</summary>
    public static CabinetError? Live(MeetingState s) => s.Status switch
    {
        MeetingStatus.Live when s.Current is not null => null,
        MeetingStatus.Closed => ErrorCodes.MeetingClosed,
        _ => ErrorCodes.NotLive,
    };

    public static CabinetError? ChairLive(MeetingState s, MeetingCommand c) =>
        !MeetingAccess.CanRun(s, c.Actor) ? ErrorCodes.Forbidden : Live(s);

    public static CabinetError? SpeakingTime(int? seconds) =>
        seconds is null or (>= FloorLimits.MinSpeakingSeconds and <= FloorLimits.MaxSpeakingSeconds)
            ? null
            : ErrorCodes.Invalid($"Thời gian phát biểu phải từ {FloorLimits.MinSpeakingSeconds} đến {FloorLimits.MaxSpeakingSeconds} giây.");

    public static CabinetError? Topic(FloorRequestInput? input) =>
        input is null ? ErrorCodes.Invalid("Thiếu nội dung đăng ký.")
        : (input.Topic?.Trim().Length ?? 0) > FloorLimits.MaxTopic ? ErrorCodes.Invalid($"Nội dung đăng ký tối đa {FloorLimits.MaxTopic} ký tự.")
        : null;

    /// <summary>A participant who may be put in a queue, or why not.</summary>
    public static CabinetError? Speaker(MeetingState s, string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? ErrorCodes.Invalid("Thiếu tên người phát biểu.")
        : s.Participants.FirstOrDefault(p => p.UserName == userName) is not { } participant ? ErrorCodes.FloorNotParticipant
        : !MeetingPermissions.MaySpeak(participant.Role) ? ErrorCodes.FloorNotEligible
        : null;

    /// <summary>The next state with <paramref name="floor"/>, its event carrying the floor of <paramref name="itemId"/>.</summary>
    public static Decision Accept(MeetingState s, MeetingCommand c, string kind, FloorSnapshot floor, string? itemId, object detail) =>
        Decision.Accept(s with { Floor = floor }, c.EventOn(s, kind) with { Floor = floor.UpdateFor(itemId, s.Floor) }, detail);
}
