using System.Diagnostics;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Bench;

/// <summary>
/// Shared annotations at a steady rate: the chair uploads the Vietnamese plan over HTTP, then a few delegates share
/// notes on it, one every <see cref="Interval"/> in turn; latency = the author's AddAnnotation call → each other
/// screen's AnnotationChanged push for that annotation. Each author opens the document first, as the viewer does, and
/// the first <see cref="FanOut.WarmUp"/> notes are not measured (as for agenda moves: neither side is timed while its
/// code paths are still being compiled).
/// </summary>
public static class SharedAnnotations
{
    public const int Annotators = 20;
    public const int PerAnnotator = 10;
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static async Task<AnnotationStreamResult> RunAsync(
        CabinetMeeting meeting, IReadOnlyList<BenchClient> screens, Uri server, Failures failures)
    {
        var documentId = await UploadAsync(meeting.Id, server, failures);
        if (documentId is null || screens.Count == 0)
        {
            return AnnotationStreamResult.NotRun;
        }

        var authors = screens.Take(Math.Min(Annotators, screens.Count)).ToArray();
        await Task.WhenAll(authors.Select(a => OpenAsync(a, meeting.Id, documentId, failures)));
        return await StreamAsync(authors, [.. screens, meeting.Chair], (author, i) => AddAsync(author, meeting.Id, documentId, i, failures), failures);
    }

    /// <summary>
    /// The stream itself, on Cabinet or on the bare hub: <paramref name="authors"/> take turns, one note every
    /// <see cref="Interval"/>; each note must reach every watcher but its author.
    /// </summary>
    /// <param name="add">Sends note i from that author; returns its id (null when refused; recorded there).</param>
    public static async Task<AnnotationStreamResult> StreamAsync(
        IReadOnlyList<BenchClient> authors, IReadOnlyList<BenchClient> watchers, Func<BenchClient, int, Task<string?>> add, Failures failures)
    {
        var count = authors.Count * PerAnnotator;
        var sent = new List<(string Id, long At, BenchClient Author)>(count);
        var acks = new List<double>(count);
        var started = Stopwatch.GetTimestamp();
        for (var i = -FanOut.WarmUp; i < count; i++)
        {
            var author = authors[(i + authors.Count) % authors.Count];
            var at = Stopwatch.GetTimestamp();
            var added = await add(author, i + FanOut.WarmUp);
            if (i < 0)
            {
                await ArrivedAsync(added is null ? [] : [(added, author)], watchers);
                started = Stopwatch.GetTimestamp();
                continue;
            }

            if (added is not null)
            {
                sent.Add((added, at, author));
                acks.Add(LatencyStats.Milliseconds(at, Stopwatch.GetTimestamp()));
            }

            var next = started + (long)((i + 1) * Interval.TotalSeconds * Stopwatch.Frequency);
            var wait = LatencyStats.Milliseconds(Stopwatch.GetTimestamp(), next);
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }
        }

        var rate = sent.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await ArrivedAsync([.. sent.Select(s => (s.Id, s.Author))], watchers);

        var latencies = new List<double>(sent.Count * watchers.Count);
        foreach (var (id, at, author) in sent)
        {
            foreach (var watcher in watchers.Where(w => w != author))
            {
                if (watcher.AnnotationArrival(id) is { } arrived)
                {
                    latencies.Add(LatencyStats.Milliseconds(at, arrived));
                }
                else
                {
                    failures.Add(Failures.MissingEvent, $"{watcher.Account?.UserName ?? "baseline screen"}: shared annotation {id} never arrived");
                }
            }
        }

        return new AnnotationStreamResult(authors.Count, count, sent.Count, rate, LatencyStats.Of(acks), LatencyStats.Of(latencies));
    }

    /// <summary>Waits (at most <see cref="FanOut.Patience"/>) until every note reached every watcher but its author.</summary>
    private static async Task ArrivedAsync(IReadOnlyList<(string Id, BenchClient Author)> notes, IReadOnlyList<BenchClient> watchers)
    {
        var deadline = DateTime.UtcNow + FanOut.Patience;
        while (DateTime.UtcNow < deadline && !notes.All(n => watchers.All(w => w == n.Author || w.AnnotationArrival(n.Id) is not null)))
        {
            await Task.Delay(10);
        }
    }

    /// <summary>What the viewer does when a delegate opens the document: ask for access, then list the notes on it.</summary>
    private static async Task OpenAsync(BenchClient author, string meetingId, string documentId, Failures failures)
    {
        var access = await author.Connection
            .InvokeAsync<Result<DocumentAccess>>(nameof(MeetingHub.GetDocumentAccess), meetingId, documentId).WaitAsync(CallTimeout);
        var page = await author.Connection
            .InvokeAsync<Result<AnnotationPage>>(nameof(MeetingHub.ListAnnotations), meetingId, documentId, null, 50).WaitAsync(CallTimeout);
        var error = access.Error ?? page.Error;
        failures.Add(Failures.Refused, $"opening the document ({author.Account?.UserName}): {error?.Code} {error?.Message}", error is null ? 0 : 1);
    }

    private static async Task<string?> AddAsync(BenchClient author, string meetingId, string documentId, int i, Failures failures)
    {
        var input = new AnnotationInput(1, AnnotationKind.Note,
            new AnnotationAnchor(1 + i % 3, [new AnnotationRect(0.1 + i % 7 * 0.1, 0.2, 0.02, 0.02)], null),
            $"Đề nghị làm rõ nguồn kinh phí ({i + 1})", null, null, Shared: true);
        try
        {
            var result = await author.Connection
                .InvokeAsync<Result<AnnotationView>>(nameof(MeetingHub.AddAnnotation), meetingId, documentId, input).WaitAsync(CallTimeout);
            failures.Add(Failures.Refused, $"AddAnnotation ({author.Account?.UserName}): {result.Error?.Code} {result.Error?.Message}", result.Ok ? 0 : 1);
            return result.Value?.AnnotationId;
        }
        catch (Exception ex) when (ex is HubException or TimeoutException or InvalidOperationException)
        {
            failures.Add(Failures.Refused, $"AddAnnotation ({author.Account?.UserName}): {ex.GetType().Name} {ex.Message}");
            return null;
        }
    }

    /// <returns>The new document's id, or null when the upload was refused (recorded).</returns>
    private static async Task<string?> UploadAsync(string meetingId, Uri server, Failures failures)
    {
        using var chair = await DocumentUploads.SignInAsync(server, "chutich");
        var plan = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "ke-hoach-dich-vu-cong-truc-tuyen.pdf"));
        var (status, document, error) = await chair.UploadAsync(meetingId, plan, "Kế hoạch phát triển dịch vụ công trực tuyến", downloadAllowed: false);
        failures.Add(Failures.Refused, $"document upload: {(int)status} {error?.Code} {error?.Message}", document is null ? 1 : 0);
        return document?.DocumentId;
    }
}
