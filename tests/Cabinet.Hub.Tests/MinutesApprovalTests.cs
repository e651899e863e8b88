using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// The minutes after the close over the real hub: the review period holds the signatures back, only participants
/// comment, only the secretary redrafts, the secretary signs before the chair and the seal comes last, and a device
/// signature over other bytes is refused. Each test schedules its meeting under the review hours it needs.
/// </summary>
public sealed class MinutesApprovalTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task During_the_review_participants_comment_the_secretary_redrafts_and_nobody_signs()
    {
        var id = await ClosedMeetingAsync(reviewHours: 24);
        await using var secretary = await JoinedAsync("thuky", id);
        await using var delegateClient = await JoinedAsync("daibieu1", id);
        await using var outsider = await fixture.ConnectAsync("vanthu");
        await using var administrator = await fixture.ConnectAsync("quantri");
        var drafted = (await secretary.WaitForAsync(s => s.Minutes is not null, TimeSpan.FromSeconds(60))).Minutes!;
        Assert.True(drafted.ReviewEndsAt >= drafted.DraftedAt.AddHours(24));

        using var device = await MinutesSigner.RegisterAsync(secretary);
        Assert.Equal(ErrorCodes.MinutesReviewOpen.Code, (await device.BeginAsync(id)).Error!.Code);
        Assert.Equal(ErrorCodes.MinutesReviewOpen.Code, (await secretary.InvokeAsync(nameof(MeetingHub.SealMinutes), id)).Error!.Code);

        Assert.True((await delegateClient.InvokeAsync(nameof(MeetingHub.CommentOnMinutes), id, "Đề nghị ghi rõ số liệu thu ngân sách.")).Ok);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await outsider.InvokeAsync(nameof(MeetingHub.CommentOnMinutes), id, "Tôi không dự họp.")).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await administrator.InvokeAsync(nameof(MeetingHub.CommentOnMinutes), id, "Quan sát viên.")).Error!.Code);
        Assert.Equal(ErrorCodes.MinutesCommentInvalid.Code,
            (await delegateClient.InvokeAsync(nameof(MeetingHub.CommentOnMinutes), id, new string('x', MinutesView.MaxCommentChars + 1))).Error!.Code);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await delegateClient.InvokeAsync(nameof(MeetingHub.RedraftMinutes), id)).Error!.Code);
        Assert.True((await secretary.InvokeAsync(nameof(MeetingHub.RedraftMinutes), id)).Ok);

        var minutes = (await secretary.WaitForAsync(s => s.Minutes!.Revision == 2)).Minutes!;
        var comment = Assert.Single(minutes.Comments);
        Assert.Equal(("daibieu1", 1), (comment.UserName, comment.Revision));
        Assert.Empty(minutes.Signatures);
        var ledger = (await secretary.Connection.InvokeAsync<Result<Voting.Ledger.LedgerEntry[]>>(nameof(MeetingHub.GetLedger), id)).Value!;
        Assert.Equal(2, ledger.Count(e => e.Command == MeetingEventKinds.MinutesDrafted));
        Assert.Single(ledger, e => e.Command == MeetingEventKinds.MinutesCommented);
        using var http = await ClosingFlow.ClientAsync(fixture.Server, "daibieu1");
        Assert.Equal(minutes.Sha256, Convert.ToHexStringLower(SHA256.HashData(await http.GetByteArrayAsync(new Uri($"/api/meetings/{id}/minutes-draft.pdf", UriKind.Relative)))));
        using var outsiderHttp = await ClosingFlow.ClientAsync(fixture.Server, "vanthu");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await outsiderHttp.GetAsync(new Uri($"/api/meetings/{id}/minutes-draft.pdf", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_secretary_signs_before_the_chair_the_seal_comes_last_and_a_forged_device_signature_is_refused()
    {
        var id = await ClosedMeetingAsync(reviewHours: 0);
        await using var secretary = await JoinedAsync("thuky", id);
        await using var chair = await JoinedAsync("chutich", id);
        await using var delegateClient = await JoinedAsync("daibieu1", id);
        await secretary.WaitForAsync(s => s.Minutes is not null, TimeSpan.FromSeconds(60));
        using var secretaryDevice = await MinutesSigner.RegisterAsync(secretary);
        using var chairDevice = await MinutesSigner.RegisterAsync(chair);
        using var delegateDevice = await MinutesSigner.RegisterAsync(delegateClient);

        Assert.Equal(ErrorCodes.MinutesNotYourTurn.Code, (await chairDevice.BeginAsync(id)).Error!.Code);
        Assert.Equal(ErrorCodes.MinutesNotYourTurn.Code, (await delegateDevice.BeginAsync(id)).Error!.Code);
        Assert.Equal(ErrorCodes.MinutesNotYourTurn.Code, (await secretary.InvokeAsync(nameof(MeetingHub.SealMinutes), id)).Error!.Code);
        Assert.Equal(ErrorCodes.MinutesNoSigningRequest.Code, (await secretaryDevice.CompleteAsync(id, secretaryDevice.SignatureOver([1, 2, 3]))).Error!.Code);

        var challenge = (await secretaryDevice.BeginAsync(id)).Value!;
        var attributes = Convert.FromBase64String(challenge.SignedAttributesBase64);
        var otherBytes = attributes.ToArray();
        otherBytes[^1] ^= 0x01;
        Assert.Equal(ErrorCodes.MinutesSignatureInvalid.Code, (await secretaryDevice.CompleteAsync(id, secretaryDevice.SignatureOver(otherBytes))).Error!.Code);
        Assert.Equal(ErrorCodes.MinutesSignatureInvalid.Code, (await secretaryDevice.CompleteAsync(id, chairDevice.SignatureOver(attributes))).Error!.Code);
        Assert.Equal(ErrorCodes.MinutesNotYourTurn.Code, (await chairDevice.CompleteAsync(id, chairDevice.SignatureOver(attributes))).Error!.Code);
        Assert.Empty(secretary.Snapshot!.Minutes!.Signatures);
        Assert.True((await secretaryDevice.CompleteAsync(id, secretaryDevice.SignatureOver(attributes))).Ok);
        Assert.Equal(ErrorCodes.MinutesNotYourTurn.Code, (await secretaryDevice.SignAsync(id)).Error!.Code);

        Assert.Equal(ErrorCodes.MinutesNotYourTurn.Code, (await secretary.InvokeAsync(nameof(MeetingHub.SealMinutes), id)).Error!.Code);
        Assert.True((await chairDevice.SignAsync(id)).Ok);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await delegateClient.InvokeAsync(nameof(MeetingHub.SealMinutes), id)).Error!.Code);
        Assert.True((await secretary.InvokeAsync(nameof(MeetingHub.SealMinutes), id)).Ok);
        var archived = await secretary.WaitForAsync(s => s.Archive is not null, TimeSpan.FromSeconds(60));

        Assert.Equal(["thuky", "chutich"], archived.Minutes!.Signatures.Select(s => s.UserName));
        foreach (var (device, signature) in new[] { secretaryDevice, chairDevice }.Zip(archived.Minutes.Signatures))
        {
            // The certificate the signature names is the device's own key's: the server never made a key for the person.
            var listed = (await device.Client.Connection.InvokeAsync<ImmutableArray<DeviceKey>>(nameof(MeetingHub.ListDevices))).Single(d => d.DeviceId == device.DeviceId);
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(listed.CertificateBase64!));
            Assert.Equal(signature.CertificateSha256, Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)));
            Assert.Equal(device.Key.ExportSubjectPublicKeyInfo(), certificate.PublicKey.ExportSubjectPublicKeyInfo());
        }

        var ledger = (await secretary.Connection.InvokeAsync<Result<Voting.Ledger.LedgerEntry[]>>(nameof(MeetingHub.GetLedger), id)).Value!;
        Assert.Equal([MeetingEventKinds.Closed, MeetingEventKinds.MinutesDrafted, MeetingEventKinds.MinutesSigned, MeetingEventKinds.MinutesSigned,
            MeetingEventKinds.MinutesSealed, MeetingEventKinds.Archived], ledger.Select(e => e.Command).SkipWhile(c => c != MeetingEventKinds.Closed));
    }

    private async Task<string> ClosedMeetingAsync(int reviewHours)
    {
        await MinutesSigner.SetReviewHoursAsync(fixture.Server.BaseAddress, reviewHours);
        await using var chair = await fixture.ConnectAsync("chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        Assert.True((await chair.JoinAsync(id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CloseMeeting), id)).Ok);
        return id;
    }

    private async Task<MeetingHubClient> JoinedAsync(string userName, string id)
    {
        var client = await fixture.ConnectAsync(userName);
        Assert.True((await client.JoinAsync(id)).Ok);
        return client;
    }
}
