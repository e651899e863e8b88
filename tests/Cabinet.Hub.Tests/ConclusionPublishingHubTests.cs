using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>
/// A published conclusion over a real Cabinet: a member of the organisation who was not invited reads it, and still
/// cannot see the meeting; another organisation's people read nothing.
/// </summary>
public sealed class ConclusionPublishingHubTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private Uri Server => fixture.Server.BaseAddress;

    [Fact]
    public async Task A_member_who_was_not_invited_reads_the_published_conclusion_but_not_the_meeting()
    {
        await using var chair = await MeetingHubClient.ConnectAsync(Server, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        Assert.True((await chair.JoinAsync(id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        await using var secretary = await MeetingHubClient.ConnectAsync(Server, "thuky");
        var text = $"Thống nhất giao Sở Tài chính hoàn thiện dự toán ({Guid.NewGuid():N}).";
        Assert.True((await secretary.InvokeAsync(nameof(MeetingHub.DraftConclusion), id, "i1", new[] { text })).Ok);

        await using var clerk = await MeetingHubClient.ConnectAsync(Server, "vanthu");
        Assert.Equal(ErrorCodes.ConclusionNotApproved.Code, (await secretary.InvokeAsync(nameof(MeetingHub.PublishConclusion), id, "i1")).Error!.Code);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ApproveConclusion), id, "i1", 1)).Ok);
        Assert.Equal(ErrorCodes.Forbidden.Code, (await clerk.InvokeAsync(nameof(MeetingHub.PublishConclusion), id, "i1")).Error!.Code);
        Assert.DoesNotContain(await ReadAsync("vanthu", "tinh"), c => c.GetProperty("paragraphs")[0].GetString() == text);

        var published = await secretary.InvokeAsync(nameof(MeetingHub.PublishConclusion), id, "i1");
        Assert.True(published.Ok, published.Error?.Code);

        var read = Assert.Single(await ReadAsync("vanthu", "tinh"), c => c.GetProperty("paragraphs")[0].GetString() == text);
        Assert.Equal("Nội dung 1", read.GetProperty("itemTitle").GetString());
        Assert.Equal("Phiên họp kiểm thử", read.GetProperty("meetingTitle").GetString());
        Assert.Equal(["meetingTitle", "meetingDate", "itemTitle", "paragraphs", "approvedAt", "publishedAt"], read.EnumerateObject().Select(p => p.Name));

        // The clerk still sees nothing of the meeting itself.
        Assert.Equal(ErrorCodes.Forbidden.Code, (await clerk.JoinAsync(id)).Error!.Code);

        // Another organisation's people read none of the province's conclusions.
        using var outsider = await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/organizations/tinh/conclusions",
            await MeetingHubClient.GetTokenAsync(Server, "binhan.thuky"));
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal("auth.forbidden", await AccountSteps.ErrorCodeOf(outsider));
    }

    private async Task<JsonElement[]> ReadAsync(string userName, string organizationId)
    {
        var token = await MeetingHubClient.GetTokenAsync(Server, userName);
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            using var response = await AccountSteps.SendAsync(Server, HttpMethod.Get,
                $"/api/organizations/{organizationId}/conclusions?year={DateTimeOffset.UtcNow.Year}&page={page}", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            all.AddRange(body.GetProperty("conclusions").EnumerateArray());
            if (page >= body.GetProperty("pageCount").GetInt32())
            {
                return [.. all];
            }
        }
    }
}
