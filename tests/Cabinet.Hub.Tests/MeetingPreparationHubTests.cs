using System.Net;
using System.Net.Http.Json;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// Issue 14 over the real hub and endpoints: only organisers create meetings; an uninvited member of the organisation
/// cannot join, read a document, download the minutes or the archive; a person of another organisation sees the
/// invitation until they accept; the .ics invitation follows changes and the cancellation.
/// </summary>
public sealed class MeetingPreparationHubTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("daibieu1")]
    [InlineData("khachmoi")]
    [InlineData("vanthu")]
    public async Task An_account_that_is_not_an_organiser_cannot_create_a_meeting(string userName)
    {
        await using var client = await fixture.ConnectAsync(userName);
        var id = MeetingKey.Of("tinh", $"khong-{Guid.NewGuid():N}"[..20]);

        var created = await client.InvokeAsync(nameof(MeetingHub.CreateMeeting), id, new MeetingSetup(
            new MeetingDetails("Họp tự tạo", "Phòng 9", DateTimeOffset.UtcNow), [new(userName, MeetingRole.Chair), new("chutich", MeetingRole.Delegate)], []));

        Assert.Equal(ErrorCodes.Forbidden.Code, created.Error!.Code);
        await using var chair = await fixture.ConnectAsync("chutich");
        Assert.Equal(ErrorCodes.MeetingNotFound.Code, (await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Error!.Code);
    }

    [Fact]
    public async Task An_uninvited_member_cannot_join_read_a_document_or_download_the_minutes_or_the_archive()
    {
        var id = await ClosingFlow.HoldAndCloseAsync(fixture.Server);
        var snapshot = await ClosingFlow.WaitForArchiveAsync(fixture.Server, id);
        var document = snapshot.Documents.Single();
        await using var clerk = await fixture.ConnectAsync("vanthu");
        using var http = await ClosingFlow.ClientAsync(fixture.Server, "vanthu");
        using var participant = await ClosingFlow.ClientAsync(fixture.Server, "daibieu1");

        Assert.Equal(ErrorCodes.Forbidden.Code, (await clerk.JoinAsync(id)).Error!.Code);
        foreach (var path in new[] { $"/api/meetings/{id}/documents/{document.DocumentId}/versions/1/file", $"/api/meetings/{id}/minutes.pdf", $"/api/meetings/{id}/archive.zip" })
        {
            var refused = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(ErrorCodes.Forbidden.Code, (await refused.Content.ReadFromJsonAsync<CabinetError>())!.Code);
            Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        // The administrator follows every scheduled meeting of the organisation as an observer.
        using var administrator = await ClosingFlow.ClientAsync(fixture.Server, "quantri");
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(new Uri($"/api/meetings/{id}/minutes.pdf", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_commune_chair_sees_the_invitation_only_until_accepting_and_the_ics_follows_changes_and_cancellation()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var commune = await fixture.ConnectAsync("binhan.chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.AddParticipants), id, new[] { new ParticipantInvite("binhan.chutich", MeetingRole.Guest) })).Ok);
        using var http = await ClosingFlow.ClientAsync(fixture.Server, "binhan.chutich");

        Assert.Equal(ErrorCodes.Forbidden.Code, (await commune.JoinAsync(id)).Error!.Code);
        var invitation = await commune.Connection.InvokeAsync<Result<InvitationView>>(nameof(MeetingHub.GetInvitation), id);
        Assert.Equal(("Phiên họp kiểm thử", false), (invitation.Value!.Details.Title, invitation.Value.TakesPart));
        var ics = await http.GetStringAsync(new Uri($"/api/meetings/{id}/invitation.ics", UriKind.Relative));
        Assert.Contains("METHOD:REQUEST\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Phiên họp kiểm thử\r\n", ics, StringComparison.Ordinal);

        Assert.True((await commune.InvokeAsync(nameof(MeetingHub.AnswerInvitation), id, new InvitationAnswerInput(AnswerKind.Attending))).Ok);
        Assert.True((await commune.JoinAsync(id)).Ok);

        var moved = new MeetingDetails("Phiên họp kiểm thử", "Phòng họp 5", DateTimeOffset.UtcNow.AddDays(1));
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.UpdateMeetingDetails), id, moved)).Ok);
        Assert.Contains("SEQUENCE:1\r\n", await http.GetStringAsync(new Uri($"/api/meetings/{id}/invitation.ics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CancelMeeting), id, "Lùi lịch")).Ok);
        var cancelled = await http.GetStringAsync(new Uri($"/api/meetings/{id}/invitation.ics", UriKind.Relative));
        Assert.Contains("METHOD:CANCEL\r\n", cancelled, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2\r\n", cancelled, StringComparison.Ordinal);

        using var clerk = await ClosingFlow.ClientAsync(fixture.Server, "vanthu");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri($"/api/meetings/{id}/invitation.ics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_secretary_sees_who_has_opened_a_document_and_nobody_else_does()
    {
        await using var chair = await fixture.ConnectAsync("chutich");
        await using var secretaryHub = await fixture.ConnectAsync("thuky");
        await using var delegateHub = await fixture.ConnectAsync("daibieu1");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var secretary = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        var document = (await secretary.UploadAsync(id, await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Fixtures, "pdfs", "sizes.pdf")), "Tờ trình")).Document!;

        async Task<Result<DocumentReadings>> ReadingsAsync(MeetingHubClient client, string documentId) =>
            await client.Connection.InvokeAsync<Result<DocumentReadings>>(nameof(MeetingHub.GetDocumentReadings), id, documentId);

        Assert.Equal(0, (await ReadingsAsync(secretaryHub, document.DocumentId)).Value!.Count);
        using (var reader = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "daibieu1"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.FetchAsync(id, document.DocumentId, 1)).Status);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.FetchAsync(id, document.DocumentId, 1)).Status);   // once is enough
        }

        DocumentReadings? readings = null;
        for (var i = 0; i < 50 && readings?.Count != 1; i++)   // recorded one-way after the file is served
        {
            await Task.Delay(100);
            readings = (await ReadingsAsync(chair, document.DocumentId)).Value;
        }

        Assert.Equal(1, readings!.Count);
        Assert.Equal("daibieu1", readings.First.Single().UserName);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await ReadingsAsync(delegateHub, document.DocumentId)).Error!.Code);
        Assert.Equal(ErrorCodes.DocumentNotFound.Code, (await ReadingsAsync(secretaryHub, "d99")).Error!.Code);
    }
}
