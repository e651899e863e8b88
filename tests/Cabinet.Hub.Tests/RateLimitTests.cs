using System.Net;
using System.Net.Http.Json;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>A real Cabinet with the shipped rate limits (the harness usually lifts them), three uploads an hour per person.</summary>
public sealed class RateLimitedServerFixture : IAsyncLifetime
{
    public CabinetServer Server { get; private set; } = default!;

    public async ValueTask InitializeAsync() => Server = await CabinetServer.StartAsync(new CabinetServerOptions
    {
        RelaxedRateLimits = false,
        ExtraArguments = ["--Cabinet:RateLimits:UploadsPerHour=3"],
    });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Over a limit: rate.limited, nothing changed, the connection kept, and other people unaffected.</summary>
public sealed class RateLimitTests(RateLimitedServerFixture fixture) : IClassFixture<RateLimitedServerFixture>
{
    [Fact]
    public async Task A_floor_toggle_flood_is_cut_off_while_the_chairs_commands_in_the_same_meeting_succeed()
    {
        await using var chair = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        await using var flooder = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "daibieu1");
        Assert.True((await chair.JoinAsync(id)).Ok);
        Assert.True((await flooder.JoinAsync(id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        var before = (await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!.Version;

        int accepted = 0, limited = 0, chairCommands = 0;
        for (var i = 0; i < 400; i++)
        {
            var toggle = i % 2 == 0
                ? await flooder.InvokeAsync(nameof(MeetingHub.RequestFloor), id, new FloorRequestInput("Ý kiến"))
                : await flooder.InvokeAsync(nameof(MeetingHub.WithdrawFloorRequest), id);
            if (toggle.Ok)
            {
                accepted++;
            }
            else if (toggle.Error!.Code == "rate.limited")
            {
                limited++;
            }

            if (i % 50 == 49)
            {
                var move = await chair.InvokeAsync(chairCommands % 2 == 0 ? nameof(MeetingHub.NextItem) : nameof(MeetingHub.PreviousItem), id);
                Assert.True(move.Ok, move.Error?.Code);
                chairCommands++;
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"floor flood: {accepted} of 400 toggles accepted, {limited} rate.limited; {chairCommands} chair moves all accepted");
        Assert.True(limited > 200, $"{limited} of 400 toggles limited, {accepted} accepted");
        var after = await flooder.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id);
        Assert.True(after.Ok, "the flooder's connection still answers");
        Assert.Equal(before + accepted + chairCommands, after.Value!.Version);
    }

    [Fact]
    public async Task A_person_holds_at_most_ten_connections_and_the_eleventh_is_refused_with_429()
    {
        var open = new List<MeetingHubClient>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                open.Add(await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "daibieu2"));
            }

            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "daibieu2"));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            await using (var someoneElse = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "daibieu3"))
            {
                Assert.Equal(HubConnectionState.Connected, someoneElse.Connection.State);
            }

            await open[0].DisposeAsync();
            open.RemoveAt(0);
            await WaitUntilAsync(async () =>
            {
                try
                {
                    open.Add(await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "daibieu2"));
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            });
            Assert.Equal(10, open.Count);
        }
        finally
        {
            foreach (var client in open)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_fourth_upload_of_the_hour_is_refused_and_stores_nothing()
    {
        await using var chair = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var uploads = await DocumentUploads.SignInAsync(fixture.Server.BaseAddress, "thuky");
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await uploads.UploadAsync(id, ScriptedPdf.Create($"app.alert({i});"), $"Tài liệu {i}")).Status);
        }

        var (status, document, error) = await uploads.UploadAsync(id, ScriptedPdf.Create("app.alert(4);"), "Tài liệu 4");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Null(document);
        Assert.Equal("rate.limited", error!.Code);
        var snapshot = await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id);
        Assert.Equal(3, snapshot.Value!.Documents.Length);
    }

    [Fact]
    public async Task Sign_in_requests_from_one_address_are_limited_with_retry_after()
    {
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            RelaxedRateLimits = false,
            ExtraArguments = ["--Cabinet:RateLimits:SignInPerMinutePerAddress=10"],
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await http.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName = "daibieu3", password = MeetingHubClient.DemoPassword });
            statuses.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.Equal("rate.limited", (await limited.Content.ReadFromJsonAsync<CabinetError>())!.Code);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
