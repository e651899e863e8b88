using Cabinet.Documents;
using Cabinet.Errors;
using static Cabinet.Grains.Tests.DocumentSteps;

namespace Cabinet.Grains.Tests;

/// <summary>The annotation grain checks the actor itself: participants only, the author alone changes, private stays private.</summary>
public sealed class AnnotationGrainTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    [Fact]
    public async Task Private_annotations_are_listed_to_their_author_only_and_only_the_author_changes_one()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meeting.GetPrimaryKeyString(), documentId));
        var mine = (await annotations.AddAsync(ClusterFixture.Delegate1, Note("riêng tôi"))).Value!;
        var shared = (await annotations.AddAsync(ClusterFixture.Delegate1, Note("chia sẻ", shared: true))).Value!;

        Assert.Equal([shared.AnnotationId], (await annotations.ListAllAsync(ClusterFixture.Delegate2)).Select(a => a.AnnotationId));
        Assert.Equal(2, (await annotations.ListAllAsync(ClusterFixture.Delegate1)).Length);
        Assert.Equal(("delegate1", "Đại biểu 1"), (mine.Author, mine.AuthorName));

        Assert.Equal(ErrorCodes.AnnotationNotYours.Code, (await annotations.UpdateAsync(ClusterFixture.Delegate2, shared.AnnotationId, Note("sửa"))).Error!.Code);
        Assert.Equal(ErrorCodes.AnnotationNotYours.Code, (await annotations.ShareAsync(ClusterFixture.Chair, mine.AnnotationId, true)).Error!.Code);
        Assert.Equal(ErrorCodes.AnnotationNotYours.Code, (await annotations.DeleteAsync(ClusterFixture.Secretary, shared.AnnotationId)).Error!.Code);
        Assert.Equal(ErrorCodes.AnnotationNotFound.Code, (await annotations.DeleteAsync(ClusterFixture.Delegate1, "a404")).Error!.Code);

        Assert.True((await annotations.ShareAsync(ClusterFixture.Delegate1, mine.AnnotationId, true)).Ok);
        Assert.True((await annotations.DeleteAsync(ClusterFixture.Delegate1, shared.AnnotationId)).Ok);
        Assert.Equal([mine.AnnotationId], (await annotations.ListAllAsync(ClusterFixture.Delegate2)).Select(a => a.AnnotationId));
    }

    [Fact]
    public async Task Outsiders_observers_and_classified_documents_are_refused()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var (_, secret) = (meeting, (await meeting.AddDocumentAsync(ClusterFixture.Chair, Upload("Mật", classified: true, hash: 'f'))).Value!.DocumentId);
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meeting.GetPrimaryKeyString(), documentId));

        Assert.Equal(ErrorCodes.Forbidden.Code, (await annotations.AddAsync(ClusterFixture.Colleague, Note("x"))).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await annotations.ListAsync(ClusterFixture.Outsider, null, 10)).Error!.Code);
        var classified = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meeting.GetPrimaryKeyString(), secret));
        Assert.Equal(ErrorCodes.DocumentClassified.Code, (await classified.AddAsync(ClusterFixture.Delegate1, Note("x"))).Error!.Code);
        var elsewhere = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meeting.GetPrimaryKeyString(), "d99"));
        Assert.Equal(ErrorCodes.DocumentNotFound.Code, (await elsewhere.AddAsync(ClusterFixture.Delegate1, Note("x"))).Error!.Code);
    }

    [Fact]
    public async Task Bounds_come_from_configuration_and_a_refusal_stores_nothing()
    {
        var (meeting, documentId) = await MeetingWithDocumentAsync(cluster);
        var annotations = cluster.Client.GetGrain<IAnnotationGrain>(IAnnotationGrain.KeyOf(meeting.GetPrimaryKeyString(), documentId));

        Assert.True((await annotations.AddAsync(ClusterFixture.Delegate1, Note(new string('x', 2000)))).Ok);
        Assert.Equal("annotations.invalid", (await annotations.AddAsync(ClusterFixture.Delegate1, Note(new string('x', 2001)))).Error!.Code);
        Assert.Equal("annotations.invalid", (await annotations.AddAsync(ClusterFixture.Delegate1, Note("trang 6", page: 6))).Error!.Code);
        Assert.Equal("annotations.invalid", (await annotations.AddAsync(ClusterFixture.Delegate1, Note("x") with { Version = 2 })).Error!.Code);
        Assert.Equal("annotations.invalid", (await annotations.AddAsync(ClusterFixture.Delegate1,
            Note("x") with { Anchor = new AnnotationAnchor(1, [new(double.NaN, 0, 0.1, 0.1)], null) })).Error!.Code);
        Assert.Equal("annotations.invalid", (await annotations.AddAsync(ClusterFixture.Delegate1,
            new AnnotationInput(1, AnnotationKind.Highlight, new AnnotationAnchor(1, [new(0.1, 0.1, 0.1, 0.1)], null), null, null, null, false))).Error!.Code);

        Assert.Single(await annotations.ListAllAsync(ClusterFixture.Delegate1));
    }
}
