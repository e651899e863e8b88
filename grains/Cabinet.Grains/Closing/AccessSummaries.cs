using System.Globalization;
using Cabinet.Documents;
using Cabinet.Ledger;
using Cabinet.Meetings;
using Cabinet.Records.Archive;

namespace Cabinet.Closing;

/// <summary>
/// Counts a meeting's access log (<see cref="DocumentAccessLogGrain"/>) per document version and person for the
/// archive, reading the journal a page at a time: the summary is bounded by versions × readers, not by the log.
/// </summary>
internal static class AccessSummaries
{
    public static async Task<AccessSummary> CountAsync(ILedgerJournal journal, string meetingId, MeetingState s)
    {
        var counts = new SortedDictionary<(string DocumentId, int Version), SortedDictionary<string, int[]>>();
        var last = await journal.LastSequenceAsync(meetingId);
        for (var from = 1L; from <= last; from += LedgerJournalReading.PageSize)
        {
            var page = await journal.ReadAsync(meetingId, from, (int)Math.Min(LedgerJournalReading.PageSize, last - from + 1));
            if (page.Count == 0)
            {
                break;
            }

            foreach (var record in page.Select(AccessDetail.View))
            {
                var people = counts.TryGetValue((record.DocumentId, record.Version), out var known) ? known
                    : counts[(record.DocumentId, record.Version)] = new(StringComparer.Ordinal);
                var tally = people.TryGetValue(record.UserName, out var t) ? t : people[record.UserName] = new int[3];
                tally[(int)record.Kind]++;
            }
        }

        return new AccessSummary([.. counts.Select(c => (c, Version: Listed(s, c.Key.DocumentId, c.Key.Version))).Where(v => v.Version is not null)
            .Select(v => new AccessSummaryVersion(v.c.Key.DocumentId, v.Version!.Value.Title, v.c.Key.Version.ToString(CultureInfo.InvariantCulture),
                v.Version.Value.Sha256, v.c.Value.Values.Sum(t => t[0]), v.c.Value.Values.Sum(t => t[1]), v.c.Value.Values.Sum(t => t[2]),
                [.. v.c.Value.Select(p => new AccessSummaryPerson(p.Key, p.Value[0], p.Value[1], p.Value[2]))]))]);
    }

    private static (string Title, string Sha256)? Listed(MeetingState s, string documentId, int version) =>
        s.Documents.FirstOrDefault(d => d.DocumentId == documentId) is { } document && version >= 1 && version <= document.Versions.Length
            ? (document.Title, document.Versions[version - 1].Sha256)
            : null;
}
