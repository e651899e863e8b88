using System.Text.Json;
using Cabinet.Voting.Ledger;

namespace Cabinet.Meetings;

/// <summary>
/// A finished speech as the ledger records it — the detail of <c>floor.speech-ended</c>, and the <c>superseded</c> or
/// <c>speechEnded</c> part of the entry that ended it otherwise. The state keeps only an item's recent speeches; the
/// minutes read every one from the ledger with <see cref="ReadAll"/>.
/// </summary>
internal sealed record SpeechRecord(string Item, string UserName, DateTimeOffset StartedAt, int Seconds, bool PointOfOrder, int LimitSeconds, SpeechEnding? Ending)
{
    public static SpeechRecord Of(Speech ended) =>
        new(ended.ItemId, ended.UserName, ended.StartedAt, (int)ended.Duration!.Value.TotalSeconds, ended.PointOfOrder, ended.LimitSeconds, ended.Ending);

    /// <summary>Every finished speech in ledger order. Entries written before the record held its start and item are completed from the entry.</summary>
    public static IEnumerable<SpeechRecord> ReadAll(IEnumerable<LedgerEntry> ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        foreach (var entry in ledger)
        {
            if (entry.Command == MeetingEventKinds.SpeechEnded)
            {
                if (Parse(entry, Root(entry)) is { } ended)
                {
                    yield return ended;
                }

                continue;
            }

            if (!entry.Detail.Contains("superseded", StringComparison.Ordinal) && !entry.Detail.Contains("speechEnded", StringComparison.Ordinal))
            {
                continue;
            }

            var root = Root(entry);
            foreach (var name in (string[])["superseded", "speechEnded"])
            {
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var part) && Parse(entry, part, Text(root, "item")) is { } ended)
                {
                    yield return ended;
                }
            }
        }
    }

    private static JsonElement Root(LedgerEntry entry)
    {
        using var document = JsonDocument.Parse(entry.Detail);
        return document.RootElement.Clone();
    }

    private static SpeechRecord? Parse(LedgerEntry entry, JsonElement part, string? itemOfEntry = null)
    {
        if (part.ValueKind != JsonValueKind.Object || Text(part, "userName") is not { } userName)
        {
            return null;
        }

        var seconds = part.TryGetProperty("seconds", out var s) && s.TryGetInt32(out var n) ? n : 0;
        var started = part.TryGetProperty("startedAt", out var at) && at.TryGetDateTimeOffset(out var when) ? when : entry.At.AddSeconds(-seconds);
        var pointOfOrder = part.TryGetProperty("pointOfOrder", out var p) && p.ValueKind == JsonValueKind.True;
        var limit = part.TryGetProperty("limitSeconds", out var l) && l.TryGetInt32(out var m) ? m : 0;
        SpeechEnding? ending = part.TryGetProperty("ending", out var e) && e.ValueKind == JsonValueKind.String
            && Enum.TryParse<SpeechEnding>(e.GetString(), ignoreCase: true, out var parsed) ? parsed : null;
        return (Text(part, "item") ?? itemOfEntry) is { } item ? new SpeechRecord(item, userName, started, seconds, pointOfOrder, limit, ending) : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
