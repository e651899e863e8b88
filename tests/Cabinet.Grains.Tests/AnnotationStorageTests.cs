using System.Collections.Immutable;
using Cabinet.Documents;
using Cabinet.Errors;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static Cabinet.Grains.Tests.DocumentSteps;

namespace Cabinet.Grains.Tests;

/// <summary>
/// Annotations stored one by one and listed in pages, on disk and in Redis: every visible one exactly once across the
/// pages, a write as large as its own annotation whatever the document holds, the old single state moved over, and a
/// failed write changing nothing.
/// </summary>
public abstract class AnnotationStorageTests<TCluster>(TCluster cluster) : IClassFixture<TCluster>
    where TCluster : ClusterFixture
{
    [Fact]
    public async Task Pages_hold_every_visible_annotation_exactly_once_in_order()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meeting.GetPrimaryKeyString(), documentId));
        var added = new List<AnnotationView>();
        for (var i = 0; i < 240; i++)
        {
            // Every tenth note is long Vietnamese text (escaped to ~12 KB): those pages end on their byte budget.
            var text = i % 10 == 0 ? new string('ữ', 2000) : $"ghi chú {i}";
            var author = i % 4 == 3 ? ClusterFixture.Delegate2 : ClusterFixture.Delegate1;
            var result = await annotations.AddAsync(author, Note(text, shared: i % 3 == 0));
            Assert.True(result.Ok, result.Error?.Code);
            added.Add(result.Value!);
        }

        foreach (var gone in added.Where((_, i) => i % 17 == 5).ToList())
        {
            Assert.True((await annotations.DeleteAsync(gone.Author == ClusterFixture.Delegate1.UserName ? ClusterFixture.Delegate1 : ClusterFixture.Delegate2, gone.AnnotationId)).Ok);
            added.Remove(gone);
        }

        foreach (var reader in new[] { ClusterFixture.Delegate1, ClusterFixture.Delegate2, ClusterFixture.Chair })
        {
            var visible = added.Where(a => a.Author == reader.UserName || a.Shared).Select(a => a.AnnotationId).ToList();
            Assert.Equal(visible, (await annotations.ListAllAsync(reader)).Select(a => a.AnnotationId));
            Assert.Equal(visible, (await annotations.ListAllAsync(reader, count: 7)).Select(a => a.AnnotationId));
        }

        var first = (await annotations.ListAsync(ClusterFixture.Delegate1, null, 1000)).Value!;
        Assert.InRange(first.Items.Length, 2, 40); // two or three long notes and the short ones between them fill 32 KiB
        Assert.Equal(ErrorCodes.InvalidInput.Code, (await annotations.ListAsync(ClusterFixture.Delegate1, "x7", 10)).Error!.Code);
        Assert.Empty((await annotations.ListAsync(ClusterFixture.Delegate1, "a100000", 10)).Value!.Items);
    }

    [Fact]
    public async Task One_change_writes_its_own_annotation_whatever_the_document_holds()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var meetingId = meeting.GetPrimaryKeyString();
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meetingId, documentId));
        var note = Note(string.Concat(Enumerable.Repeat("Số liệu cần đối chiếu. ", 40)));

        var firstAdd = await WrittenByAsync(meetingId, documentId, () => annotations.AddAsync(ClusterFixture.Delegate1, note));
        for (var i = 0; i < 300; i++)
        {
            Assert.True((await annotations.AddAsync(ClusterFixture.Delegate1, note)).Ok);
        }

        var laterAdd = await WrittenByAsync(meetingId, documentId, () => annotations.AddAsync(ClusterFixture.Delegate1, note));
        var update = await WrittenByAsync(meetingId, documentId, () => annotations.UpdateAsync(ClusterFixture.Delegate1, "a5", note with { Text = "ngắn" }));
        var delete = await WrittenByAsync(meetingId, documentId, () => annotations.DeleteAsync(ClusterFixture.Delegate1, "a302"));

        Assert.Equal(["a1"], firstAdd.Select(w => w.Name));
        Assert.Equal(["a302"], laterAdd.Select(w => w.Name));
        // Only "a302" against "a1" and the timestamps' fractional digits (up to 7 each, trailing zeros dropped) differ.
        Assert.InRange(laterAdd.Single().Bytes, firstAdd.Single().Bytes - 14, firstAdd.Single().Bytes + 2 + 14);
        Assert.Equal(["a5"], update.Select(w => w.Name));
        Assert.True(delete.All(w => w.Name == "header" && w.Bytes < 100), string.Join(", ", delete));
        Assert.Equal(301, (await annotations.ListAllAsync(ClusterFixture.Delegate1)).Length);
        Assert.Equal("a303", (await annotations.AddAsync(ClusterFixture.Delegate1, note)).Value!.AnnotationId); // a302 is never given again

        if (!cluster.Storage.UsesRedis)
        {
            var root = Path.Combine(cluster.Storage.DataPath, "annotations");
            var entries = new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).ToList();
            var mine = Path.Combine(root, meetingId, documentId);
            Assert.Equal(302 + 1, entries.Count(e => e is FileInfo && Path.GetDirectoryName(e.FullName) == mine)); // and the header; no temporary file left
            Assert.All(entries, e => Assert.Equal(e is DirectoryInfo ? Storage.PrivateFiles.FolderMode : Storage.PrivateFiles.FileMode, e.UnixFileMode));
        }

        await cluster.Cluster.DeactivateAsync(annotations);
        Assert.Equal("a304", (await annotations.AddAsync(ClusterFixture.Delegate1, note)).Value!.AnnotationId);
    }

    [Fact]
    public async Task Notes_on_a_document_with_none_on_an_older_version_never_read_the_document()
    {
        // Re-anchoring has nothing to move then: parsing the PDF would only hold up the first note and every one behind it.
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meeting.GetPrimaryKeyString(), documentId));
        var opened = cluster.DocumentsOpened.Count;

        Assert.True((await annotations.AddAsync(ClusterFixture.Delegate1, Note("Đề nghị làm rõ nguồn kinh phí", shared: true))).Ok);
        await cluster.Cluster.DeactivateAsync(annotations);
        Assert.True((await annotations.AddAsync(ClusterFixture.Delegate2, Note("Bổ sung số liệu năm trước"))).Ok);

        Assert.Equal(opened, cluster.DocumentsOpened.Count);
        Assert.Equal(2, (await annotations.ListAllAsync(ClusterFixture.Delegate2)).Length);
    }

    [Fact]
    public async Task An_annotation_too_large_for_a_page_is_refused()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meeting.GetPrimaryKeyString(), documentId));
        // 4,000 quoted and 2,000 noted Vietnamese characters escape to 36 KB: allowed. Full-precision ink of 5,000 points is not.
        var quote = new TextQuote(new string('ệ', 4000), "", "");
        var highlight = new AnnotationInput(1, AnnotationKind.Highlight, new AnnotationAnchor(1, [new(0.1, 0.1, 0.5, 0.02)], quote), new string('ữ', 2000), null, null, false);
        var ink = new AnnotationInput(1, AnnotationKind.Ink, new AnnotationAnchor(1, [], null), null,
            [[.. Enumerable.Range(0, 5000).SelectMany(i => new[] { i / 5000.0 + 1e-9, 1 / 3.0 })]], null, false);

        Assert.True((await annotations.AddAsync(ClusterFixture.Delegate1, highlight)).Ok);
        Assert.Equal("annotations.invalid", (await annotations.AddAsync(ClusterFixture.Delegate1, ink)).Error?.Code);
        Assert.Single(await annotations.ListAllAsync(ClusterFixture.Delegate1));
    }

    [Fact]
    public async Task The_old_single_state_moves_into_the_store_once_and_keeps_its_numbers()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var meetingId = meeting.GetPrimaryKeyString();
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meetingId, documentId));
        var at = DateTimeOffset.UtcNow;
        AnnotationView Old(string id, Cabinet.People.Actor author, string text, bool shared) => new(
            id, documentId, author.UserName, author.DisplayName, AnnotationKind.Note, 1, new AnnotationAnchor(1, [new(0.1, 0.1, 0.02, 0.02)], null),
            text, null, null, shared, false, at, at);
        var old = new AnnotationState
        {
            Annotations = [Old("a1", ClusterFixture.Delegate1, "riêng", false), Old("a2", ClusterFixture.Delegate1, "chung", true), Old("a4", ClusterFixture.Delegate2, "của người khác", true)],
            NextNumber = 6,
        };
        // As if an earlier move was cut short: one entry already copied (here with other text), the old state still there.
        await Store().PutAsync(meetingId, documentId, [new("a1", System.Text.Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(old.Annotations[0] with { Text = "bản chép dở" }, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))))]);
        var storage = cluster.Cluster.GetSiloServiceProvider(cluster.Cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>(Storage.StorageNames.Meetings);
        await storage.WriteStateAsync("annotations", annotations.GetGrainId(), new GrainState<AnnotationState>(old));

        var listed = await annotations.ListAllAsync(ClusterFixture.Delegate1);

        Assert.Equal([("a1", "riêng"), ("a2", "chung"), ("a4", "của người khác")], listed.Select(a => (a.AnnotationId, a.Text!)));
        Assert.Equal("a6", (await annotations.AddAsync(ClusterFixture.Delegate1, Note("mới"))).Value!.AnnotationId);
        var cleared = new GrainState<AnnotationState>();
        await storage.ReadStateAsync("annotations", annotations.GetGrainId(), cleared);
        Assert.True(cleared.State is null || cleared.State.Annotations.Count == 0);
        await cluster.Cluster.DeactivateAsync(annotations);
        Assert.Equal(["a1", "a2", "a4", "a6"], (await annotations.ListAllAsync(ClusterFixture.Delegate1)).Select(a => a.AnnotationId));
        Assert.Equal("a7", (await annotations.AddAsync(ClusterFixture.Delegate1, Note("sau khi chuyển"))).Value!.AnnotationId);
    }

    [Fact]
    public async Task A_failed_write_is_refused_and_changes_nothing()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var meetingId = meeting.GetPrimaryKeyString();
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meetingId, documentId));
        var kept = (await annotations.AddAsync(ClusterFixture.Delegate1, Note("giữ nguyên", shared: true))).Value!;
        var before = Written(await annotations.ListAllAsync(ClusterFixture.Delegate1));

        cluster.AnnotationWrites.Failing[meetingId] = true;
        try
        {
            Assert.Equal(ErrorCodes.StorageFailed.Code, (await annotations.AddAsync(ClusterFixture.Delegate1, Note("không lưu được"))).Error?.Code);
            Assert.Equal(before, Written(await annotations.ListAllAsync(ClusterFixture.Delegate1)));
            Assert.Equal(ErrorCodes.StorageFailed.Code, (await annotations.UpdateAsync(ClusterFixture.Delegate1, kept.AnnotationId, Note("sửa"))).Error?.Code);
            Assert.Equal(ErrorCodes.StorageFailed.Code, (await annotations.ShareAsync(ClusterFixture.Delegate1, kept.AnnotationId, false)).Error?.Code);
            Assert.Equal(ErrorCodes.StorageFailed.Code, (await annotations.DeleteAsync(ClusterFixture.Delegate1, kept.AnnotationId)).Error?.Code);
            Assert.Equal(before, Written(await annotations.ListAllAsync(ClusterFixture.Delegate1)));
        }
        finally
        {
            cluster.AnnotationWrites.Failing.TryRemove(meetingId, out _);
        }

        Assert.Equal(before, Written(await annotations.ListAllAsync(ClusterFixture.Delegate1)));
        Assert.Equal("a2", (await annotations.AddAsync(ClusterFixture.Delegate1, Note("lưu được"))).Value!.AnnotationId);
    }

    /// <summary>Annotations as JSON: records compare their arrays by reference, and a reactivation reads new ones.</summary>
    private static string Written(ImmutableArray<AnnotationView> annotations) =>
        string.Join('\n', annotations.Select(a => System.Text.Json.JsonSerializer.Serialize(a)));

    /// <summary>A store of its own on the cluster's files or Redis, beside the silo's.</summary>
    private IAnnotationStore Store() => cluster.Storage.UsesRedis
        ? new RedisAnnotationStore(cluster.Storage.RedisConnectionString!, cluster.Storage.Cipher!)
        : new FileAnnotationStore(cluster.Storage.DataPath, cluster.Storage.Cipher!);

    private async Task<IReadOnlyList<AnnotationWrite>> WrittenByAsync<T>(string meetingId, string documentId, Func<Task<T>> change)
    {
        var before = cluster.AnnotationWrites.Of(meetingId, documentId).Count;
        var result = await change();
        Assert.True(result switch { Result<AnnotationView> r => r.Ok, CommandResult c => c.Ok, _ => false }, $"{result}");
        return [.. cluster.AnnotationWrites.Of(meetingId, documentId).Skip(before)];
    }
}

public sealed class AnnotationStorageOnDisk(FileStorageCluster cluster) : AnnotationStorageTests<FileStorageCluster>(cluster);

public sealed class AnnotationStorageInRedis(RedisStorageCluster cluster) : AnnotationStorageTests<RedisStorageCluster>(cluster);
