namespace Cabinet.Meetings;

/// <summary>Bounds on requests to speak and speaking times; the meeting grain refuses anything outside them.</summary>
public static class FloorLimits
{
    public const int MaxTopic = 200;
    public const int DefaultSpeakingSeconds = 300;
    public const int MinSpeakingSeconds = 30;
    public const int MaxSpeakingSeconds = 7200;
}
