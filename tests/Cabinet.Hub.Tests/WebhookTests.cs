using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cabinet.Errors;
using Cabinet.Opinions;
using Cabinet.Testing;
using Cabinet.Voting.Ballots;
using Cabinet.Voting.Tallying;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// Webhooks against a receiver the test runs on loopback: the organisation's administrator subscribes, a meeting is
/// held and closed, each delivery's first attempt gets a 500 and its retry a 200; signatures are checked with the
/// secret shown once; the delivery log shows both attempts; a replay delivers the same message again. A closed opinion
/// ballot is delivered as <c>opinion.closed</c>.
/// </summary>
public sealed class WebhookTests(WebhookTests.Fixture fixture) : IClassFixture<WebhookTests.Fixture>
{
    private const string PublicBaseUrl = "https://hop.example.vn";

    public sealed class Fixture : IAsyncLifetime
    {
        public CabinetServer Server { get; private set; } = default!;

        public async ValueTask InitializeAsync() => Server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments = ["--Cabinet:Webhooks:FirstRetrySeconds=1", "--Cabinet:Webhooks:PollSeconds=1", $"--Cabinet:PublicBaseUrl={PublicBaseUrl}"],
        });

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }

    private sealed record Received(string Id, string Timestamp, string Signature, string Body, int Answered);

    [Fact]
    public async Task A_closed_meeting_is_delivered_signed_retried_after_a_500_logged_and_replayed()
    {
        var received = new ConcurrentQueue<Received>();
        var origin = $"http://127.0.0.1:{FreePort.Next()}";
        await using var receiver = new LoopbackHttpServer(origin, async context =>
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var id = context.Request.Headers["webhook-id"] ?? "";
            // Every delivery's first attempt fails.
            var status = received.Any(r => r.Id == id) ? 200 : 500;
            received.Enqueue(new Received(id, context.Request.Headers["webhook-timestamp"] ?? "", context.Request.Headers["webhook-signature"] ?? "", body, status));
            context.Response.StatusCode = status;
        });
        using var admin = await ClosingFlow.ClientAsync(fixture.Server, "quantri");
        var created = await admin.PostAsJsonAsync("/api/admin/organizations/tinh/webhooks", new
        {
            url = origin + "/cabinet-hook", events = new[] { "meeting.closed", "poll.closed", "conclusion.approved" }, description = "Hệ thống quản lý văn bản",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var subscription = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var secret = subscription.RootElement.GetProperty("secret").GetString()!;
        var subscriptionId = subscription.RootElement.GetProperty("subscription").GetProperty("id").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var meetingId = await ClosingFlow.HoldAndCloseAsync(fixture.Server);

        var closed = await WaitForAsync(received, r => Type(r) == "meeting.closed" && Meeting(r) == meetingId && r.Answered == 200);
        var attempts = received.Where(r => r.Id == closed.Id).ToList();
        Assert.Equal([500, 200], attempts.Select(a => a.Answered));
        Assert.All(attempts, a => Assert.Equal(Sign(secret, a.Id, a.Timestamp, a.Body), a.Signature));
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        await WaitForAsync(received, r => Type(r) == "poll.closed" && Meeting(r) == meetingId);
        var approved = await WaitForAsync(received, r => Type(r) == "conclusion.approved" && Meeting(r) == meetingId);
        Assert.Contains("Thống nhất thông qua báo cáo", approved.Body, StringComparison.Ordinal);

        using var log = JsonDocument.Parse(await admin.GetStringAsync(
            new Uri($"/api/admin/organizations/tinh/webhooks/{subscriptionId}/deliveries", UriKind.Relative), TestContext.Current.CancellationToken));
        var delivery = log.RootElement.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("id").GetString() == closed.Id);
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        var logged = log.RootElement.GetProperty("attempts").EnumerateArray().Where(a => a.GetProperty("deliveryId").GetString() == closed.Id)
            .Select(a => (a.GetProperty("attempt").GetInt32(), a.GetProperty("statusCode").GetInt32(), a.GetProperty("delivered").GetBoolean())).OrderBy(a => a.Item1);
        Assert.Equal([(1, 500, false), (2, 200, true)], logged);

        var replay = await admin.PostAsync(new Uri($"/api/admin/organizations/tinh/webhooks/{subscriptionId}/deliveries/{closed.Id}/replay", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await WaitForAsync(received, r => r.Id == closed.Id && received.Count(x => x.Id == closed.Id) == 3);
        var again = received.Where(r => r.Id == closed.Id).Last();
        Assert.Equal(closed.Body, again.Body);
        Assert.Equal(Sign(secret, again.Id, again.Timestamp, again.Body), again.Signature);

        var (page, _) = await CookieSignIn.SignInAsync(fixture.Server.BaseAddress, "quantri");
        using (page)
        {
            var adminPage = await page.GetStringAsync(new Uri("/admin?org=tinh", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Contains($"data-testid=\"webhook-{subscriptionId}\"", adminPage, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, adminPage, StringComparison.Ordinal);
        }

        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Matches("""cabinet_webhook_deliveries_total\{[^}]*outcome="delivered"[^}]*\} [1-9]""", metrics);
        Assert.Matches("""cabinet_webhook_deliveries_total\{[^}]*outcome="failed"[^}]*\} [1-9]""", metrics);
    }

    [Fact]
    public async Task A_closed_opinion_ballot_is_delivered_signed_with_its_outcome_and_its_report_links()
    {
        var ct = TestContext.Current.CancellationToken;
        var received = new ConcurrentQueue<Received>();
        var origin = $"http://127.0.0.1:{FreePort.Next()}";
        await using var receiver = new LoopbackHttpServer(origin, async context =>
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            received.Enqueue(new Received(context.Request.Headers["webhook-id"] ?? "", context.Request.Headers["webhook-timestamp"] ?? "",
                context.Request.Headers["webhook-signature"] ?? "", body, 200));
            context.Response.StatusCode = 200;
        });
        using var admin = await ClosingFlow.ClientAsync(fixture.Server, "quantri");
        var created = await admin.PostAsJsonAsync("/api/admin/organizations/tinh/webhooks", new { url = origin + "/y-kien", events = new[] { "opinion.closed" } }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("secret").GetString()!;

        // One member asked, who answers: the office may close at once.
        await using var office = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "thuky");
        await using var chair = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "chutich");
        await using var member = await MeetingHubClient.ConnectAsync(fixture.Server.BaseAddress, "daibieu1");
        var draft = new OpinionDraft("Chủ trương sửa chữa trụ sở", [new OpinionQuestionInput("Thống nhất chủ trương?", OpinionQuestionKind.AgreeDisagree, [])],
            ["daibieu1"], "chutich", DateTimeOffset.UtcNow.AddDays(1), MajorityKind.MoreThanHalfOfMembers, AnswersMayChange: false);
        var id = (await office.Connection.InvokeAsync<Result<string>>(nameof(MeetingHub.DraftOpinionBallot), draft, ct)).Value!;
        Assert.True((await office.InvokeAsync(nameof(MeetingHub.SubmitOpinionBallot), id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ApproveOpinionBallot), id)).Ok);
        using (var signer = await BallotSigner.RegisterAsync(member))
        {
            var answer = new OpinionAnswerSubmission(signer.Ballot(id, OpinionKey.AnswerPollId, ["q1:agree"]), []);
            Assert.True((await member.Connection.InvokeAsync<Result<Receipt>>(nameof(MeetingHub.AnswerOpinionBallot), id, answer, ct)).Ok);
        }

        Assert.True((await office.InvokeAsync(nameof(MeetingHub.CloseOpinionBallot), id)).Ok);
        // The outcome is final once the secretary and the chair have signed the report and it is sealed.
        foreach (var signatory in new[] { office, chair })
        {
            using var device = await MinutesSigner.RegisterAsync(signatory);
            Assert.True((await device.SignOpinionReportAsync(id)).Ok);
        }

        var closed = await WaitForAsync(received, r => Type(r) == "opinion.closed"
            && JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("opinion").GetProperty("ballotId").GetString() == id);
        Assert.Equal(Sign(secret, closed.Id, closed.Timestamp, closed.Body), closed.Signature);
        var opinion = JsonDocument.Parse(closed.Body).RootElement.GetProperty("data").GetProperty("opinion");
        Assert.Equal("tinh", opinion.GetProperty("organizationId").GetString());
        Assert.Equal("Chủ trương sửa chữa trụ sở", opinion.GetProperty("title").GetString());
        var question = opinion.GetProperty("questions")[0];
        Assert.True(question.GetProperty("passes").GetBoolean());
        Assert.Contains(question.GetProperty("counts").EnumerateArray(), c => c.GetProperty("answer").GetString() == "agree" && c.GetProperty("count").GetInt32() == 1);
        // The links are the installation's public addresses, and they answer the report the event announces.
        var reportUrl = new Uri(opinion.GetProperty("report").GetProperty("reportUrl").GetString()!);
        Assert.StartsWith($"{PublicBaseUrl}/api/v1/opinions/tinh/", reportUrl.AbsoluteUri, StringComparison.Ordinal);
        var report = await admin.GetByteArrayAsync(new Uri(reportUrl.PathAndQuery, UriKind.Relative), ct);
        Assert.Equal(opinion.GetProperty("report").GetProperty("pdfSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(report)));
        Assert.DoesNotContain("daibieu1", closed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_organisations_administrators_manage_webhooks_and_bad_subscriptions_change_nothing()
    {
        using var chair = await ClosingFlow.ClientAsync(fixture.Server, "chutich");
        using var admin = await ClosingFlow.ClientAsync(fixture.Server, "quantri");
        var ct = TestContext.Current.CancellationToken;
        var before = await CountAsync(admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync(new Uri("/api/admin/organizations/tinh/webhooks", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.PostAsJsonAsync("/api/admin/organizations/tinh/webhooks", new { url = "https://vpdt.example.vn/hook", events = new[] { "meeting.closed" } }, ct)).StatusCode);
        var plainHttp = await admin.PostAsJsonAsync("/api/admin/organizations/tinh/webhooks", new { url = "http://vpdt.example.vn/hook", events = new[] { "meeting.closed" } }, ct);
        var unknownEvent = await admin.PostAsJsonAsync("/api/admin/organizations/tinh/webhooks", new { url = "https://vpdt.example.vn/hook", events = new[] { "meeting.deleted" } }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, plainHttp.StatusCode);
        Assert.Equal("webhook.url_invalid", (await plainHttp.Content.ReadFromJsonAsync<Cabinet.Errors.CabinetError>(ct))!.Code);
        Assert.Equal("webhook.events_invalid", (await unknownEvent.Content.ReadFromJsonAsync<Cabinet.Errors.CabinetError>(ct))!.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/api/admin/organizations/tinh/webhooks/wh_none/deliveries", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(before, await CountAsync(admin));
    }

    private static async Task<int> CountAsync(HttpClient admin)
    {
        using var list = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/admin/organizations/tinh/webhooks", UriKind.Relative), TestContext.Current.CancellationToken));
        return list.RootElement.GetProperty("subscriptions").GetArrayLength();
    }

    private static string Sign(string secret, string id, string timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    private static string? Type(Received r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString();

    private static string? Meeting(Received r) =>
        JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("meeting").GetProperty("meetingId").GetString();

    private static async Task<Received> WaitForAsync(ConcurrentQueue<Received> received, Func<Received, bool> match)
    {
        for (var i = 0; i < 600; i++)
        {
            if (received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The receiver never got the expected delivery.");
    }
}
