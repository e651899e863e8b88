using System.Net;
using System.Text.Json;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>What an operator watches: the Prometheus scrape after a real meeting, and readiness that follows storage.</summary>
public sealed class OperationsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Metrics_after_a_short_meeting_show_commands_fanout_connections_ballots_seals_reminders_and_the_platform_series()
    {
        var id = await ClosingFlow.HoldAndCloseAsync(fixture.Server);
        await ClosingFlow.WaitForArchiveAsync(fixture.Server, id);
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Matches("""cabinet_commands_total\{[^}]*kind="Close"[^}]*outcome="accepted"[^}]*\} [1-9]""", metrics);
        Assert.Matches("""cabinet_commands_total\{[^}]*kind="OpenPoll"[^}]*outcome="accepted"[^}]*\} [1-9]""", metrics);
        Assert.Matches("""cabinet_fanout_duration_seconds_bucket\{[^}]*le="0.1"[^}]*\} [1-9]""", metrics);
        Assert.Matches("""cabinet_fanout_duration_seconds_count\{?[^\n]* [1-9]""", metrics);
        Assert.Contains("cabinet_connections", metrics, StringComparison.Ordinal);
        Assert.Matches("""cabinet_ballots_total\{[^}]*outcome="accepted"[^}]*\} [3-9]""", metrics);
        Assert.Matches("""cabinet_seal_duration_seconds_count\{?[^\n]* [1-9]""", metrics);
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("kestrel_", metrics, StringComparison.Ordinal);
        Assert.Contains("signalr_server_", metrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", metrics, StringComparison.Ordinal);

        // Scheduling set the invitation reminder; once it has ticked (sent, or skipped when the meeting was already live) it is counted.
        var reminders = new System.Text.RegularExpressions.Regex("""cabinet_reminders_total\{[^}]*kind="meeting.invitation"[^}]*outcome="(sent|skipped)"[^}]*\} [1-9]""");
        for (var i = 0; i < 300 && !reminders.IsMatch(metrics); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        }

        Assert.Matches(reminders, metrics);
    }

    [Fact]
    public async Task Metrics_with_a_bearer_token_answer_only_that_token_and_switched_off_answer_no_one()
    {
        await using var guarded = await CabinetServer.StartAsync(new CabinetServerOptions { ExtraArguments = ["--Cabinet:Metrics:BearerToken=so-do-bi-mat"] });
        await using var off = await CabinetServer.StartAsync(new CabinetServerOptions { ExtraArguments = ["--Cabinet:Metrics:Enabled=false"] });

        var without = await ScrapeAsync(guarded, null);
        var wrong = await ScrapeAsync(guarded, "so-do-sai");
        var right = await ScrapeAsync(guarded, "so-do-bi-mat");
        var switchedOff = await ScrapeAsync(off, null);

        Assert.Equal(HttpStatusCode.NotFound, without);
        Assert.Equal(HttpStatusCode.NotFound, wrong);
        Assert.Equal(HttpStatusCode.OK, right);
        Assert.Equal(HttpStatusCode.NotFound, switchedOff);
    }

    private static async Task<HttpStatusCode> ScrapeAsync(CabinetServer server, string? token)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Ready_answers_200_with_each_check_in_embedded_mode()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        var (status, body) = await ReadyAsync(http);

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        foreach (var check in new[] { "storage", "signing", "silo" })
        {
            Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }

        Assert.DoesNotContain(fixture.Server.Options.DataPath, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_turns_503_while_redis_is_down_and_200_once_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var server = await CabinetServer.StartAsync(CabinetServerOptions.OnRedis(redis.ConnectionString));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(http)).Status);

        await redis.StopAsync();
        var down = await WaitForAsync(http, HttpStatusCode.ServiceUnavailable);
        await using var again = await redis.StartAgainAsync();
        var up = await WaitForAsync(http, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        using var json = JsonDocument.Parse(down.Body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, up.Status);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asks until the answer has <paramref name="wanted"/> (Redis reconnects in the background), at most 60 tries; returns the last answer.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> WaitForAsync(HttpClient http, HttpStatusCode wanted)
    {
        var answer = await ReadyAsync(http);
        for (var i = 0; i < 60 && answer.Status != wanted; i++)
        {
            await Task.Delay(500);
            answer = await ReadyAsync(http);
        }

        return answer;
    }
}
