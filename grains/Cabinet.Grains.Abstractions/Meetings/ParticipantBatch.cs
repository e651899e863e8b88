namespace Cabinet.Meetings;

/// <summary>Bounds of a meeting's participant list: the size of one batch (well inside a 64 KiB hub message) and of the whole.</summary>
public static class ParticipantBatch
{
    public const int MaxSize = 500;

    public const int MaxParticipants = 5000;
}
