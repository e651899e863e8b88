using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Cabinet.Errors;
using Cabinet.Meetings;

namespace Cabinet.Closing;

/// <summary>
/// Conclusions while the meeting is live: the secretary (or the chair) drafts, the chair approves a given revision.
/// The ledger keeps a hash of each draft (drafts are not public) and the full text of what was approved.
/// </summary>
internal static class ConclusionDecisions
{
    public const int MaxParagraphs = 50;
    public const int MaxParagraph = 4000;

    public static Decision Draft(MeetingState s, MeetingCommand c, string itemId, ImmutableArray<string> paragraphs)
    {
        if (Check(s, c, itemId, MeetingAccess.CanPrepare) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var text = paragraphs.IsDefault ? [] : paragraphs.Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).ToImmutableArray();
        if (text.IsEmpty || text.Length > MaxParagraphs || text.Any(p => p.Length > MaxParagraph))
        {
            return Decision.Refuse(ErrorCodes.Invalid($"Kết luận cần từ 1 đến {MaxParagraphs} đoạn, mỗi đoạn tối đa {MaxParagraph} ký tự."));
        }

        var before = s.Conclusions.FirstOrDefault(x => x.ItemId == itemId);
        var view = before is null
            ? new ConclusionView(itemId, 1, true, [], null, null, null)
            : before with { Revision = before.Revision + 1, AwaitingApproval = true };
        return Decision.Accept(
            s with { Conclusions = Upsert(s.Conclusions, before, view), ConclusionDrafts = s.ConclusionDrafts.SetItem(itemId, text) },
            c.EventOn(s, MeetingEventKinds.ConclusionDrafted) with { ConclusionUpdate = view },
            new { ItemId = itemId, view.Revision, DraftSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', text)))) });
    }

    public static Decision Approve(MeetingState s, MeetingCommand c, string itemId, int revision)
    {
        if (Check(s, c, itemId, MeetingAccess.CanRun) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }

        var view = s.Conclusions.FirstOrDefault(x => x.ItemId == itemId);
        if (view is null || !s.ConclusionDrafts.TryGetValue(itemId, out var draft))
        {
            return Decision.Refuse(ErrorCodes.ConclusionEmpty);
        }

        if (view.Revision != revision)
        {
            return Decision.Refuse(ErrorCodes.ConclusionStale);
        }

        if (!view.AwaitingApproval)
        {
            return Decision.Unchanged;
        }

        var approved = view with { AwaitingApproval = false, Approved = draft, ApprovedRevision = revision, ApprovedAt = c.At, ApprovedBy = c.Actor.UserName };
        return Decision.Accept(
            s with { Conclusions = Upsert(s.Conclusions, view, approved) },
            c.EventOn(s, MeetingEventKinds.ConclusionApproved) with { ConclusionUpdate = approved },
            new { ItemId = itemId, Revision = revision, Paragraphs = draft });
    }

    /// <summary>
    /// Publishes the approved text to the organisation (chair or secretary; live or closed). The ledger keeps the
    /// revision published; the text is the approved one already in the ledger.
    /// </summary>
    public static Decision Publish(MeetingState s, MeetingCommand c, string itemId)
    {
        if (!MeetingAccess.CanPrepare(s, c.Actor))
        {
            return Decision.Refuse(ErrorCodes.Forbidden);
        }

        if (s.Status is not (MeetingStatus.Live or MeetingStatus.Closed))
        {
            return Decision.Refuse(ErrorCodes.NotLive);
        }

        if (s.Agenda.All(i => i.Id != itemId))
        {
            return Decision.Refuse(ErrorCodes.AgendaItemNotFound);
        }

        var view = s.Conclusions.FirstOrDefault(x => x.ItemId == itemId);
        if (view?.ApprovedRevision is not { } approved)
        {
            return Decision.Refuse(ErrorCodes.ConclusionNotApproved);
        }

        if (view.PublishedRevision == approved)
        {
            return Decision.Unchanged;
        }

        var published = view with { PublishedRevision = approved };
        return Decision.Accept(
            s with { Conclusions = s.Conclusions.Replace(view, published) },
            c.EventOn(s, MeetingEventKinds.ConclusionPublished) with { ConclusionUpdate = published },
            new { ItemId = itemId, Revision = approved });
    }

    private static CabinetError? Check(MeetingState s, MeetingCommand c, string itemId, Func<MeetingState, People.Actor, bool> allowed) =>
        !allowed(s, c.Actor) ? ErrorCodes.Forbidden
        : s.Status == MeetingStatus.Closed ? ErrorCodes.MeetingClosed
        : s.Status != MeetingStatus.Live ? ErrorCodes.NotLive
        : s.Agenda.All(i => i.Id != itemId) ? ErrorCodes.AgendaItemNotFound
        : null;

    private static ImmutableArray<ConclusionView> Upsert(ImmutableArray<ConclusionView> all, ConclusionView? before, ConclusionView after) =>
        before is null ? all.Add(after) : all.Replace(before, after);
}
