using System.Collections.Immutable;
using System.Net;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>Documents and annotations across hosts and restarts: two hosts on one Redis, and the embedded data folder.</summary>
public sealed class DocumentDurabilityTests
{
    private static readonly byte[] Plan = File.ReadAllBytes(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "ke-hoach-dich-vu-cong-truc-tuyen.pdf"));

    [Fact]
    public async Task Two_hosts_on_one_Redis_serve_the_same_document_and_annotations()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host1 = await CabinetServer.StartAsync(CabinetServerOptions.OnRedis(redis.ConnectionString));
        await using var host2 = await CabinetServer.StartAsync(CabinetServerOptions.OnRedis(redis.ConnectionString, first: false));
        await using var chair = await MeetingHubClient.ConnectAsync(host1.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretaryOnHost1 = await DocumentUploads.SignInAsync(host1.BaseAddress, "thuky");
        using var delegateOnHost2 = await DocumentUploads.SignInAsync(host2.BaseAddress, "daibieu1", signInAt: host1.BaseAddress);

        var document = (await secretaryOnHost1.UploadAsync(id, Plan, "Kế hoạch dịch vụ công trực tuyến")).Document!;
        var fetched = await delegateOnHost2.FetchAsync(id, document.DocumentId, 1);

        Assert.Equal(HttpStatusCode.OK, fetched.Status);
        Assert.Equal(Plan, fetched.Body);
        Assert.False(Directory.Exists(Path.Combine(host1.Options.DataPath, "documents")), "Redis mode keeps files in Redis, not on one host");
        await using var d1OnHost1 = await MeetingHubClient.ConnectAsync(host1.BaseAddress, "daibieu1");
        await using var d1OnHost2 = await MeetingHubClient.ConnectAsync(host2.BaseAddress, "daibieu1", signInAt: host1.BaseAddress);
        var added = await Add(d1OnHost1, id, document.DocumentId, "ghi chú trên máy chủ 1");
        Assert.Equal([added.AnnotationId], (await List(d1OnHost2, id, document.DocumentId)).Select(a => a.AnnotationId));
    }

    [Fact]
    public async Task Embedded_mode_keeps_documents_and_annotations_across_a_restart()
    {
        var server = await CabinetServer.StartAsync();
        try
        {
            await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
            var id = await ServerFixture.NewMeetingAsync(chair);
            using var secretary = await DocumentUploads.SignInAsync(server.BaseAddress, "thuky");
            var document = (await secretary.UploadAsync(id, Plan, "Kế hoạch")).Document!;
            string annotationId;
            await using (var d1 = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1"))
            {
                annotationId = (await Add(d1, id, document.DocumentId, "còn sau khi khởi động lại")).AnnotationId;
            }

            server = await server.RestartAsync();
            await using var again = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1");
            var listed = await List(again, id, document.DocumentId);
            Assert.Equal(("còn sau khi khởi động lại", annotationId), (listed.Single().Text, listed.Single().AnnotationId));
            using var reader = await DocumentUploads.SignInAsync(server.BaseAddress, "daibieu1");
            Assert.Equal(Plan, (await reader.FetchAsync(id, document.DocumentId, 1)).Body);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<AnnotationView> Add(MeetingHubClient client, string meetingId, string documentId, string text)
    {
        var added = await client.Connection.InvokeAsync<Result<AnnotationView>>(nameof(MeetingHub.AddAnnotation), meetingId, documentId,
            new AnnotationInput(1, AnnotationKind.Note, new AnnotationAnchor(2, [new(0.3, 0.3, 0.02, 0.02)], null), text, null, null, false));
        Assert.True(added.Ok, added.Error?.Code);
        return added.Value!;
    }

    private static async Task<ImmutableArray<AnnotationView>> List(MeetingHubClient client, string meetingId, string documentId) =>
        (await client.ListAnnotationsAsync(meetingId, documentId)).Value;
}
