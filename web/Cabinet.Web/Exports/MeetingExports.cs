using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Polls;
using Cabinet.Web.Components.Shared;
using Cabinet.Web.Localization;

namespace Cabinet.Web.Exports;

/// <summary>
/// A meeting's record as tables (attendance, named votes, speeches, conclusions) and as one JSON document. Whether the
/// person may take it out is the meeting grain's answer (<see cref="MeetingPermissions.MayExport"/>); speeches, ballots
/// and the ledger are read a page at a time.
/// </summary>
public sealed class MeetingExports(IGrainFactory grains)
{
    public static readonly ImmutableArray<string> Tables = ["attendance", "votes", "speeches", "conclusions"];

    public async Task<Result<ExportTable>> TableAsync(Actor actor, string meetingId, string table)
    {
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        var read = await meeting.GetExportSnapshotAsync(actor);
        if (!read.Ok)
        {
            return Result<ExportTable>.Refused(read.Error!);
        }

        var s = read.Value!;
        return Result<ExportTable>.Of(table switch
        {
            "attendance" => new ExportTable("Điểm danh",
                ["Tên đăng nhập", "Họ tên", "Chức vụ", "Đơn vị", "Vai trò", "Trả lời mời", "Dự thay cho", "Có mặt", "Đến lúc", "Rời lúc", "Đến muộn"],
                Rows(Attendance(s))),
            "votes" => new ExportTable("Biểu quyết công khai",
                ["Mã biểu quyết", "Nội dung", "Vấn đề biểu quyết", "Tên đăng nhập", "Họ tên", "Lựa chọn", "Trọng số", "Thứ tự phiếu"],
                NamedVotesAsync(meeting, actor, s)),
            "speeches" => new ExportTable("Phát biểu",
                ["Nội dung", "Tên đăng nhập", "Họ tên", "Bắt đầu", "Thời lượng (giây)", "Thời gian được phát biểu (giây)", "Kiến nghị về thủ tục", "Kết thúc"],
                SpeechesAsync(meeting, actor, s)),
            _ => new ExportTable("Kết luận",
                ["Mã nội dung", "Nội dung", "Lần duyệt", "Duyệt lúc", "Người duyệt", "Kết luận"],
                Rows(Conclusions(s))),
        });
    }

    /// <summary>
    /// The whole meeting: its state, every speech, every named ballot and its ledger, written as they are read to the
    /// stream <paramref name="begin"/> opens once the grain has allowed it (a refusal is answered before any byte).
    /// </summary>
    public async Task<CabinetError?> WriteJsonAsync(Actor actor, string meetingId, Func<Stream> begin, CancellationToken cancellationToken)
    {
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        var read = await meeting.GetExportSnapshotAsync(actor);
        if (!read.Ok)
        {
            return read.Error;
        }

        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        ArgumentNullException.ThrowIfNull(begin);
        var output = begin();
        // Written to a buffer and copied out a page at a time: the response allows no synchronous writes.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = options.Encoder });
        async Task SendAsync()
        {
            await json.FlushAsync(cancellationToken);
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            buffer.ResetWrittenCount();
        }

        json.WriteStartObject();
        json.WritePropertyName("meeting");
        JsonSerializer.Serialize(json, read.Value!, options);
        json.WriteStartArray("speeches");
        for (long? from = 1; from is { } at;)
        {
            var page = await meeting.GetSpeechPageAsync(actor, at);
            foreach (var speech in page.Value?.Speeches ?? [])
            {
                JsonSerializer.Serialize(json, speech, options);
            }

            from = page.Value?.NextSequence;
            await SendAsync();
        }

        json.WriteEndArray();
        json.WriteStartArray("namedBallots");
        foreach (var poll in NamedClosedPolls(read.Value!))
        {
            await foreach (var entry in ChainAsync(meeting, actor, poll.PollId, cancellationToken))
            {
                JsonSerializer.Serialize(json, new { pollId = poll.PollId, entry.Ballot.Position, entry.Ballot.Voter, entry.Ballot.Choices, entry.Ballot.Weight, entry.Hash }, options);
            }

            await SendAsync();
        }

        json.WriteEndArray();
        json.WriteStartArray("ledger");
        for (long? from = 1; from is { } at;)
        {
            var page = await meeting.GetLedgerPageAsync(actor, at, LedgerPage.MaxEntries);
            foreach (var entry in page.Value?.Entries ?? [])
            {
                JsonSerializer.Serialize(json, entry, options);
            }

            from = page.Value?.NextSequence;
            await SendAsync();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await SendAsync();
        return null;
    }

    private static IEnumerable<IReadOnlyList<string>> Attendance(MeetingSnapshot s) => s.Participants.Select(p =>
    {
        var presence = s.Attendance.FirstOrDefault(a => a.UserName == p.UserName);
        return (IReadOnlyList<string>)[
            p.UserName, p.DisplayName, p.Position, p.OrganizationId, Labels.Role(p.Role), Labels.Answer(p.AnswerKind), p.DeputyFor ?? "",
            presence?.FirstJoinedAt is null ? "Không" : "Có", Time(presence?.FirstJoinedAt), Time(presence?.LastLeftAt), presence?.JoinedLate == true ? "Có" : "",
        ];
    });

    private static IEnumerable<IReadOnlyList<string>> Conclusions(MeetingSnapshot s) =>
        s.Conclusions.Where(c => c.ApprovedRevision is not null).Select(c => (IReadOnlyList<string>)[
            c.ItemId, ItemTitle(s, c.ItemId), Number(c.ApprovedRevision!.Value), Time(c.ApprovedAt), Name(s, c.ApprovedBy), string.Join('\n', c.Approved),
        ]);

    private async IAsyncEnumerable<IReadOnlyList<string>> NamedVotesAsync(IMeetingGrain meeting, Actor actor, MeetingSnapshot s, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var poll in NamedClosedPolls(s))
        {
            await foreach (var entry in ChainAsync(meeting, actor, poll.PollId, cancellationToken))
            {
                var ballot = entry.Ballot;
                yield return [
                    poll.PollId, ItemTitle(s, poll.Motion.AgendaItemId), poll.Motion.Title, ballot.Voter ?? "", Name(s, ballot.Voter),
                    string.Join("; ", ballot.Choices.Select(poll.Motion.LabelOf)), Number(ballot.Weight), Number(ballot.Position),
                ];
            }
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> SpeechesAsync(IMeetingGrain meeting, Actor actor, MeetingSnapshot s, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (long? from = 1; from is { } at && !cancellationToken.IsCancellationRequested;)
        {
            var page = await meeting.GetSpeechPageAsync(actor, at);
            foreach (var speech in page.Value?.Speeches ?? [])
            {
                yield return [
                    ItemTitle(s, speech.ItemId), speech.UserName, Name(s, speech.UserName), Time(speech.StartedAt), Number(speech.Seconds),
                    Number(speech.LimitSeconds), speech.PointOfOrder ? "Có" : "", speech.Ending ?? "",
                ];
            }

            from = page.Value?.NextSequence;
        }
    }

    /// <summary>Secret polls have no names to export; their counts are in the meeting's poll results.</summary>
    private static IEnumerable<PollView> NamedClosedPolls(MeetingSnapshot s) =>
        s.Polls.Where(p => p.Status == Voting.Polls.PollStatus.Closed && p.Motion.Secrecy == Voting.Motions.Secrecy.Named);

    private static async IAsyncEnumerable<Voting.Ballots.BallotChainEntry> ChainAsync(
        IMeetingGrain meeting, Actor actor, string pollId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int? after = 0; after is { } at && !cancellationToken.IsCancellationRequested;)
        {
            var page = await meeting.GetBallotChainPageAsync(actor, pollId, at, BallotChainPage.MaxEntries);
            foreach (var entry in page.Value?.Entries ?? [])
            {
                yield return entry;
            }

            after = page.Value?.NextAfter;
        }
    }

#pragma warning disable CS1998 // a synchronous table read through the same asynchronous path as the paged ones
    private static async IAsyncEnumerable<IReadOnlyList<string>> Rows(IEnumerable<IReadOnlyList<string>> rows)
#pragma warning restore CS1998
    {
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static string ItemTitle(MeetingSnapshot s, string? itemId) => s.Agenda.FirstOrDefault(i => i.Id == itemId)?.Title ?? itemId ?? "";

    private static string Name(MeetingSnapshot s, string? userName) => s.Participants.FirstOrDefault(p => p.UserName == userName)?.DisplayName ?? userName ?? "";

    private static string Time(DateTimeOffset? at) =>
        at is { } t ? UiCultures.InMeetingTime(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
