using System.Collections.Immutable;
using Cabinet.Ledger;
using Cabinet.Storage;
using Cabinet.Voting.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Cabinet.Audit;

/// <summary>
/// The security audit log: one chain for the installation, because an attack crosses organisations (a wrong password
/// for a name nobody has belongs to none) and one chain is one thing to verify. Administrators read the entries of
/// their own organisation and those of no known organisation. Entries are <see cref="LedgerEntry"/> values in a
/// journal of their own (<see cref="JournalName"/>); the grain holds the head in memory, read from the journal at
/// activation, and appends one batch at a time.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", StorageNames.People)] IPersistentState<AuditLogState> state,
    [FromKeyedServices(AuditLogGrain.JournalName)] ILedgerJournal journal,
    AuditRetention retention,
    TimeProvider clock) : Grain, IAuditLogGrain
{
    public const string JournalName = "audit";

    /// <summary>The journal's key (journals are keyed like meetings, "owner/name").</summary>
    public const string Chain = "security/log";

    public const int MarkEvery = FileLedgerJournal.SegmentEntries;
    private const int ReadPage = 250;
    private const int SearchBudget = 5000;

    private LedgerEntry? _head;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await LoadHeadAsync();

    public async Task AppendAsync(ImmutableArray<AuditRecord> records)
    {
        if (records.IsDefaultOrEmpty)
        {
            return;
        }

        await AppendEntriesAsync(records.Select(r => r.Bounded()).ToList());
        await ApplyRetentionAsync();
    }

    public async Task<AuditPage> SearchAsync(AuditQuery query)
    {
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var found = ImmutableArray.CreateBuilder<AuditEntryView>(size);
        var next = Math.Min(query.Before is { } before ? before - 1 : long.MaxValue, _head?.Sequence ?? 0);
        for (var scanned = 0; next > state.State.CutSequence && scanned < SearchBudget && found.Count < size;)
        {
            var from = Math.Max(state.State.CutSequence + 1, next - ReadPage + 1);
            var page = await journal.ReadAsync(Chain, from, (int)(next - from + 1));
            for (var i = page.Count - 1; i >= 0 && found.Count < size; i--, scanned++)
            {
                next = page[i].Sequence - 1;
                if (query.From is { } since && page[i].At < since)
                {
                    return new AuditPage(found.ToImmutable(), null);
                }

                if (AuditDetail.View(page[i]) is var view && Matches(view, query))
                {
                    found.Add(view);
                }
            }

            if (page.Count == 0)
            {
                break;
            }
        }

        return new AuditPage(found.ToImmutable(), next > state.State.CutSequence ? next + 1 : null);
    }

    public async Task<AuditVerification> VerifyAsync()
    {
        var (afterSequence, afterHash) = (state.State.CutSequence, state.State.CutHash);
        var last = await journal.LastSequenceAsync(Chain);
        while (afterSequence < last)
        {
            IReadOnlyList<LedgerEntry> page;
            try
            {
                page = await journal.ReadAsync(Chain, afterSequence + 1, (int)Math.Min(LedgerJournalReading.PageSize, last - afterSequence));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return Broken(await FirstUnreadableAsync(afterSequence + 1), "the stored entry was altered: it no longer decrypts");
            }

            if (page.Count == 0)
            {
                return Broken(afterSequence + 1, "the journal has a gap here");
            }

            if (LedgerVerifier.FindFirstFault(page, afterSequence, afterHash) is { } fault)
            {
                return Broken(fault.Sequence, fault.Reason);
            }

            (afterSequence, afterHash) = (page[^1].Sequence, page[^1].Hash);
        }

        // The head this grain chained on must still be there: a journal cut short at its end is a fault too.
        return _head is { } head && (head.Sequence > afterSequence || (head.Sequence == afterSequence && head.Hash != afterHash))
            ? Broken(Math.Min(head.Sequence, afterSequence + 1), "the journal ends before the last entry written")
            : new AuditVerification(true, state.State.CutSequence + 1, afterSequence, state.State.CutHash, null, null);

        AuditVerification Broken(long sequence, string reason) =>
            new(false, state.State.CutSequence + 1, last, state.State.CutHash, sequence, reason);
    }

    /// <summary>The first entry from <paramref name="sequence"/> on whose sealed form does not open (one read each, only after a page failed).</summary>
    private async Task<long> FirstUnreadableAsync(long sequence)
    {
        for (; ; sequence++)
        {
            try
            {
                _ = await journal.ReadAsync(Chain, sequence, 1);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return sequence;
            }
        }
    }

    private async Task AppendEntriesAsync(IReadOnlyList<AuditRecord> records)
    {
        var now = clock.GetUtcNow();
        var entries = new List<LedgerEntry>(records.Count);
        var previous = _head;
        foreach (var record in records)
        {
            previous = LedgerEntry.Next(previous, 0, now, record.Actor, record.Kind, AuditDetail.Of(record));
            entries.Add(previous);
        }

        try
        {
            await journal.AppendAsync(Chain, entries);
        }
        catch (LedgerJournalException)
        {
            // Another activation appended meanwhile (a host died mid-call): chain on the journal's real end.
            await LoadHeadAsync();
            throw;
        }

        _head = previous;
        var marks = entries.Where(e => e.Sequence % MarkEvery == 0).Select(e => new AuditMark(e.Sequence, e.At)).ToList();
        if (marks.Count > 0)
        {
            state.State = state.State with { Marks = state.State.Marks.AddRange(marks) };
            await state.WriteStateAsync();
        }
    }

    /// <summary>
    /// Drops whole segments older than the retention period, never the head. The cut is written to the state before
    /// anything is dropped (a crash in between leaves entries that are merely skipped), then chained as an entry.
    /// </summary>
    private async Task ApplyRetentionAsync()
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(retention.RetentionDays);
        var expired = state.State.Marks.LastOrDefault(m => m.At < cutoff && m.Sequence < (_head?.Sequence ?? 0));
        if (expired is null || (await journal.ReadAsync(Chain, expired.Sequence, 1)) is not [var last])
        {
            return;
        }

        state.State = state.State with
        {
            CutSequence = last.Sequence,
            CutHash = last.Hash,
            Marks = state.State.Marks.RemoveAll(m => m.Sequence <= last.Sequence),
        };
        await state.WriteStateAsync();
        await journal.DropThroughAsync(Chain, last.Sequence);
        await AppendEntriesAsync([new AuditRecord(AuditKinds.RetentionCut, "system", "", "", "",
            $"dropped entries through {last.Sequence} (older than {retention.RetentionDays} days); the chain continues from hash {last.Hash}")]);
    }

    private async Task LoadHeadAsync()
    {
        var last = await journal.LastSequenceAsync(Chain);
        _head = last > state.State.CutSequence && (await journal.ReadAsync(Chain, last, 1)) is [var head] ? head
            : state.State.CutSequence > 0 ? new LedgerEntry(state.State.CutSequence, 0, default, "", "", "", "", state.State.CutHash)
            : null;
    }

    private static bool Matches(AuditEntryView entry, AuditQuery query) =>
        (entry.Organization.Length == 0 || entry.Organization == query.Organization)
        && (query.To is not { } to || entry.At <= to)
        && (string.IsNullOrEmpty(query.Actor) || entry.Actor == query.Actor)
        && (string.IsNullOrEmpty(query.Kind) || entry.Kind == query.Kind || (query.Kind.EndsWith('.') && entry.Kind.StartsWith(query.Kind, StringComparison.Ordinal)));
}
