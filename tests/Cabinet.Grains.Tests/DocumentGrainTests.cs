using Cabinet.Errors;
using Cabinet.Meetings;
using static Cabinet.Grains.Tests.DocumentSteps;

namespace Cabinet.Grains.Tests;

/// <summary>Documents in the meeting grain: who adds and reads them, versions, and refusals that change nothing.</summary>
public sealed class DocumentGrainTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    [Fact]
    public async Task Chair_and_secretary_add_documents_and_versions_delegates_do_not()
    {
        var meeting = await cluster.NewMeetingAsync();
        var first = await meeting.AddDocumentAsync(ClusterFixture.Chair, Upload("Tờ trình"));
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.AddDocumentAsync(ClusterFixture.Delegate1, Upload())).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.AddDocumentAsync(ClusterFixture.Colleague, Upload())).Error!.Code);

        var second = await meeting.AddDocumentAsync(ClusterFixture.Secretary, Upload("Tờ trình (sửa)", first.Value!.DocumentId, hash: 'b', pages: 7));

        Assert.Equal(first.Value.DocumentId, second.Value!.DocumentId);
        Assert.Equal([1, 2], second.Value.Versions.Select(v => v.Number));
        Assert.Equal(("Tờ trình (sửa)", 7), (second.Value.Title, second.Value.Latest!.Pages));
        var snapshot = (await meeting.GetSnapshotAsync(ClusterFixture.Delegate1)).Value!;
        Assert.Equal(second.Value.Versions, snapshot.Documents.Single().Versions);
        var kinds = (await meeting.GetLedgerAsync(ClusterFixture.Chair)).Value.Select(e => e.Command).ToList();
        Assert.Contains(MeetingEventKinds.DocumentAdded, kinds);
        Assert.Contains(MeetingEventKinds.DocumentVersionIssued, kinds);
    }

    [Fact]
    public async Task Bad_uploads_and_updates_are_refused_and_change_nothing()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var version = await meeting.GetVersionAsync();

        Assert.Equal(ErrorCodes.InvalidInput.Code, (await meeting.AddDocumentAsync(ClusterFixture.Chair, Upload(""))).Error!.Code);
        Assert.Equal(ErrorCodes.InvalidInput.Code, (await meeting.AddDocumentAsync(ClusterFixture.Chair, Upload(new string('x', 201)))).Error!.Code);
        Assert.Equal(ErrorCodes.AgendaItemNotFound.Code, (await meeting.AddDocumentAsync(ClusterFixture.Chair, Upload(itemId: "i99"))).Error!.Code);
        Assert.Equal(ErrorCodes.DocumentNotFound.Code, (await meeting.AddDocumentAsync(ClusterFixture.Chair, Upload(documentId: "d99"))).Error!.Code);
        Assert.Equal(ErrorCodes.InvalidInput.Code, (await meeting.AddDocumentAsync(ClusterFixture.Chair, Upload() with { Sha256 = "../../etc/passwd" })).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.UpdateDocumentAsync(ClusterFixture.Delegate1, documentId, "Đổi tên", null, true, false)).Error!.Code);
        Assert.Equal(ErrorCodes.DocumentNotFound.Code, (await meeting.UpdateDocumentAsync(ClusterFixture.Chair, "d42", "Đổi tên", null, true, false)).Error!.Code);

        Assert.Equal(version, await meeting.GetVersionAsync());
        Assert.True((await meeting.UpdateDocumentAsync(ClusterFixture.Secretary, documentId, "Đổi tên", null, false, true)).Ok);
        var document = (await meeting.GetSnapshotAsync(ClusterFixture.Chair)).Value!.Documents.Single();
        Assert.Equal(("Đổi tên", (string?)null, false, true), (document.Title, document.ItemId, document.DownloadAllowed, document.Classified));
    }

    [Fact]
    public async Task Only_invited_participants_get_access_not_organisation_observers_or_outsiders()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);

        var access = await meeting.GetDocumentAccessAsync(ClusterFixture.Delegate2, documentId);
        Assert.Equal((MeetingRole.Delegate, documentId), (access.Value!.Role, access.Value.Document.DocumentId));
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetDocumentAccessAsync(ClusterFixture.Colleague, documentId)).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await meeting.GetDocumentAccessAsync(ClusterFixture.Outsider, documentId)).Error!.Code);
        Assert.Equal(ErrorCodes.DocumentNotFound.Code, (await meeting.GetDocumentAccessAsync(ClusterFixture.Delegate2, "d9")).Error!.Code);
    }

    [Fact]
    public async Task A_closed_meeting_takes_no_documents()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        await meeting.OpenAsync(ClusterFixture.Chair);
        Assert.True((await meeting.CloseAsync(ClusterFixture.Chair)).Ok);

        Assert.Equal(ErrorCodes.MeetingClosed.Code, (await meeting.AddDocumentAsync(ClusterFixture.Secretary, Upload(documentId: documentId, hash: 'c'))).Error!.Code);
        Assert.Equal(ErrorCodes.MeetingClosed.Code, (await meeting.UpdateDocumentAsync(ClusterFixture.Chair, documentId, "Sau bế mạc", null, true, false)).Error!.Code);
        Assert.True((await meeting.GetDocumentAccessAsync(ClusterFixture.Delegate1, documentId)).Ok);
    }
}
