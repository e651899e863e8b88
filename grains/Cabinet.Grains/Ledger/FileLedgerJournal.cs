using System.Globalization;
using Cabinet.Encryption;
using Cabinet.Storage;
using Cabinet.Voting.Ledger;

namespace Cabinet.Ledger;

/// <summary>
/// The embedded mode's journal: one folder per meeting under <c>&lt;DataPath&gt;/ledger/&lt;org&gt;/&lt;meeting&gt;</c> (a poll's journal one deeper), holding
/// segments of <see cref="SegmentEntries"/> entries (<c>000000000001.jsonl</c> holds 1–1000, and so on), one canonical
/// JSON line per entry, appended and flushed to disk before the append completes. A segment's name says which entries
/// it holds, so reading a page opens at most two files whatever the meeting's age. A line cut short by a crash is
/// never acknowledged: it is cut off before the next append and never read. Each line is sealed (<see cref="LedgerLines"/>).
/// </summary>
public sealed partial class FileLedgerJournal(string dataPath, RecordCipher cipher, string name = "ledger") : ILedgerJournal
{
    public const int SegmentEntries = 1000;

    private readonly LedgerLines _lines = new(cipher, name);

    private readonly string _root = PrivateFiles.Folder(Path.Combine(dataPath, name));

    public async Task AppendAsync(string meetingId, IReadOnlyList<LedgerEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var folder = FolderOf(meetingId);
        PrivateFiles.Folder(Path.GetDirectoryName(folder)!);
        PrivateFiles.Folder(folder);
        var last = LastSequence(meetingId, folder);
        if (entries[0].Sequence != last + 1)
        {
            throw new LedgerJournalException($"The journal of {meetingId} ends at {last}; entry {entries[0].Sequence} cannot follow it.");
        }

        foreach (var segment in entries.GroupBy(e => FirstOfSegment(e.Sequence)))
        {
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFiles.FileMode;
            }

            var path = Path.Combine(folder, NameOf(segment.Key));
            var created = !File.Exists(path);
            await using (var file = new FileStream(path, options))
            {
                await file.WriteAsync(_lines.Write(meetingId, segment));
                await file.FlushAsync();
                file.Flush(flushToDisk: true);
            }

            if (created)
            {
                PrivateFiles.SyncFolder(folder);
            }
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string meetingId, long fromSequence, int count)
    {
        var folder = FolderOf(meetingId);
        var entries = new List<LedgerEntry>(Math.Clamp(count, 0, SegmentEntries));
        var sequence = Math.Max(1, fromSequence);
        while (entries.Count < count)
        {
            var first = FirstOfSegment(sequence);
            var path = Path.Combine(folder, NameOf(first));
            if (!File.Exists(path))
            {
                break;
            }

            var content = await File.ReadAllBytesAsync(path);
            var (start, index) = (0, first);
            while (entries.Count < count)
            {
                var end = Array.IndexOf(content, (byte)'\n', start);
                if (end < 0)
                {
                    return entries; // the journal's end (or a line cut short, never acknowledged)
                }

                if (index >= sequence)
                {
                    entries.Add(_lines.Read(meetingId, content.AsSpan(start, end - start)));
                }

                (start, index) = (end + 1, index + 1);
                if (start == content.Length)
                {
                    break;
                }
            }

            if (index != first + SegmentEntries)
            {
                break;
            }

            sequence = index;
        }

        return entries;
    }

    public Task<long> LastSequenceAsync(string meetingId)
    {
        var folder = FolderOf(meetingId);
        return Task.FromResult(Directory.Exists(folder) ? LastSequence(meetingId, folder) : 0);
    }

    public Task TruncateAfterAsync(string meetingId, long sequence)
    {
        var folder = FolderOf(meetingId);
        if (!Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }

        foreach (var (first, path) in Segments(folder))
        {
            if (first > sequence)
            {
                File.Delete(path);
            }
            else if (first + SegmentEntries > sequence)
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
                var keep = OffsetAfterLines(file, sequence - first + 1);
                if (keep < file.Length)
                {
                    file.SetLength(keep);
                    file.Flush(flushToDisk: true);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task DropThroughAsync(string meetingId, long sequence)
    {
        var folder = FolderOf(meetingId);
        foreach (var (first, path) in Directory.Exists(folder) ? Segments(folder) : [])
        {
            if (first + SegmentEntries - 1 <= sequence)
            {
                File.Delete(path);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The last complete entry's sequence; cuts off a line a crash left unfinished, and drops a segment left empty.</summary>
    private long LastSequence(string meetingId, string folder)
    {
        foreach (var (first, path) in Segments(folder).OrderByDescending(s => s.First))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            var complete = OffsetAfterLastNewline(file);
            if (complete < file.Length)
            {
                file.SetLength(complete);
                file.Flush(flushToDisk: true);
            }

            if (complete > 0)
            {
                return _lines.Read(meetingId, LastLine(file, complete)).Sequence;
            }

            file.Dispose();
            File.Delete(path);
        }

        return 0;
    }

    private static long OffsetAfterLastNewline(FileStream file)
    {
        var buffer = new byte[8192];
        for (var end = file.Length; end > 0;)
        {
            var start = Math.Max(0, end - buffer.Length);
            file.Position = start;
            file.ReadExactly(buffer, 0, (int)(end - start));
            var at = Array.LastIndexOf(buffer, (byte)'\n', (int)(end - start) - 1);
            if (at >= 0)
            {
                return start + at + 1;
            }

            end = start;
        }

        return 0;
    }

    /// <summary>The line that ends just before <paramref name="end"/> (a newline), without it; read backwards in growing windows.</summary>
    private static byte[] LastLine(FileStream file, long end)
    {
        for (var window = 8192L; ; window *= 2)
        {
            var start = Math.Max(0, end - window);
            var buffer = new byte[end - start];
            file.Position = start;
            file.ReadExactly(buffer);
            var previous = buffer.Length >= 2 ? Array.LastIndexOf(buffer, (byte)'\n', buffer.Length - 2) : -1;
            if (previous >= 0)
            {
                return buffer[(previous + 1)..^1];
            }

            if (start == 0)
            {
                return buffer[..^1];
            }
        }
    }

    private static long OffsetAfterLines(FileStream file, long lines)
    {
        file.Position = 0;
        var (buffer, offset) = (new byte[65536], 0L);
        for (int read; (read = file.Read(buffer)) > 0; offset += read)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n' && --lines == 0)
                {
                    return offset + i + 1;
                }
            }
        }

        return file.Length;
    }

    private static IEnumerable<(long First, string Path)> Segments(string folder) =>
        Directory.EnumerateFiles(folder, "*.jsonl")
            .Select(p => (Ok: long.TryParse(Path.GetFileNameWithoutExtension(p), NumberStyles.None, CultureInfo.InvariantCulture, out var first), First: first, Path: p))
            .Where(s => s.Ok)
            .Select(s => (s.First, s.Path))
            .ToList();

    private static long FirstOfSegment(long sequence) => (sequence - 1) / SegmentEntries * SegmentEntries + 1;

    private static string NameOf(long first) => first.ToString("D12", CultureInfo.InvariantCulture) + ".jsonl";

    // Meeting ids are validated slugs "org/meeting"; keep them as two folders. A poll's key adds one more ("org/meeting/p1").
    private string FolderOf(string meetingId)
    {
        var parts = meetingId.Split('/');
        return parts.Length is 2 or 3 && Meetings.MeetingKey.IsValid($"{parts[0]}/{parts[1]}") && (parts.Length == 2 || FolderPart().IsMatch(parts[2]))
            ? Path.Combine([_root, .. parts])
            : throw new ArgumentException($"'{meetingId}' is not a meeting id or a poll's key.", nameof(meetingId));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FolderPart();
}
