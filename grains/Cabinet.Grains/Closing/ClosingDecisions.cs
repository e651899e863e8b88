using Cabinet.Meetings;

namespace Cabinet.Closing;

/// <summary>Records the sealed archive of a closed meeting, once.</summary>
internal static class ClosingDecisions
{
    public static Decision Archived(MeetingState s, MeetingCommand c, ArchiveInfo archive) =>
        !s.SealPending || s.Archive is not null
            ? Decision.Unchanged
            : Decision.Accept(
                s with { SealPending = false, Archive = archive },
                c.EventOn(s, MeetingEventKinds.Archived) with { Archive = archive },
                new { archive.ArchiveId, archive.ManifestSha256, archive.MinutesSha256, archive.Size });
}
