using System.Security.Cryptography;
using Cabinet.Ledger;
using Cabinet.Voting.Canonical;
using Cabinet.Voting.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Cabinet.Documents;

/// <summary>
/// A meeting's access log: <see cref="LedgerEntry"/> values in a journal of their own (<see cref="JournalName"/>,
/// keyed by the meeting id), as the security audit log keeps its entries; the grain holds only the head in memory.
/// A copy's id names its entry (<see cref="CopyIds"/>), so resolving one reads one entry, and no index grows.
/// </summary>
public sealed class DocumentAccessLogGrain([FromKeyedServices(DocumentAccessLogGrain.JournalName)] ILedgerJournal journal, TimeProvider clock)
    : Grain, IDocumentAccessLogGrain
{
    public const string JournalName = "access";
    private LedgerEntry? _head;

    private string MeetingId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await LoadHeadAsync();

    public async Task RecordOpenedAsync(DocumentAccessInput input) => await AppendAsync(input with { Kind = DocumentAccessKind.Opened }, null);

    public async Task<DocumentAccessRecord> IssueCopyAsync(DocumentAccessInput input)
    {
        var sequence = (_head?.Sequence ?? 0) + 1;
        var copyId = sequence <= CopyIds.MaxSequence ? CopyIds.Format(sequence, RandomNumberGenerator.GetInt32(1 << 16)) : null;
        return await AppendAsync(input, copyId);
    }

    public async Task<DocumentAccessPage> ReadAsync(long? before, int count)
    {
        var size = Math.Clamp(count, 1, DocumentAccessPage.MaxPageSize);
        var last = Math.Min(before is { } b ? b - 1 : long.MaxValue, _head?.Sequence ?? 0);
        var from = Math.Max(1, last - size + 1);
        var page = last < 1 ? [] : await journal.ReadAsync(MeetingId, from, (int)(last - from + 1));
        return new DocumentAccessPage([.. page.Reverse().Select(AccessDetail.View)], from > 1 ? from : null);
    }

    public async Task<DocumentAccessRecord?> FindCopyAsync(string copyId)
    {
        if (!CopyIds.TryParse(copyId, out var sequence, out _) || sequence > (_head?.Sequence ?? 0))
        {
            return null;
        }

        return await journal.ReadAsync(MeetingId, sequence, 1) is [var entry]
            && AccessDetail.View(entry) is { CopyId: { } found } record && found == CopyIds.Normalize(copyId) ? record : null;
    }

    private async Task<DocumentAccessRecord> AppendAsync(DocumentAccessInput input, string? copyId)
    {
        var entry = LedgerEntry.Next(_head, 0, clock.GetUtcNow(), input.UserName, AccessDetail.CommandOf(input.Kind), AccessDetail.Of(input, copyId));
        try
        {
            await journal.AppendAsync(MeetingId, [entry]);
        }
        catch (LedgerJournalException)
        {
            // Another activation appended meanwhile (a host died mid-call): chain on the journal's real end.
            await LoadHeadAsync();
            throw;
        }

        _head = entry;
        return AccessDetail.View(entry);
    }

    private async Task LoadHeadAsync()
    {
        var last = await journal.LastSequenceAsync(MeetingId);
        _head = last > 0 && (await journal.ReadAsync(MeetingId, last, 1)) is [var head] ? head : null;
    }
}

/// <summary>How an access record sits in a ledger entry: the person in Actor, the kind in Command, the rest as canonical JSON in Detail.</summary>
public sealed record AccessDetail(string DisplayName, string Organization, string DocumentId, int Version, string? CopyId)
{
    public static string CommandOf(DocumentAccessKind kind) => kind switch
    {
        DocumentAccessKind.Downloaded => "document.downloaded",
        DocumentAccessKind.Printed => "document.printed",
        _ => "document.opened",
    };

    public static string Of(DocumentAccessInput input, string? copyId) =>
        CanonicalJson.SerializeToString(new AccessDetail(input.DisplayName, input.Organization, input.DocumentId, input.Version, copyId));

    public static DocumentAccessRecord View(LedgerEntry entry)
    {
        var detail = CanonicalJson.Deserialize<AccessDetail>(System.Text.Encoding.UTF8.GetBytes(entry.Detail));
        var kind = entry.Command switch
        {
            "document.downloaded" => DocumentAccessKind.Downloaded,
            "document.printed" => DocumentAccessKind.Printed,
            _ => DocumentAccessKind.Opened,
        };
        return new DocumentAccessRecord(entry.Sequence, entry.At, entry.Actor, detail.DisplayName, detail.Organization, detail.DocumentId, detail.Version, kind, detail.CopyId);
    }
}
