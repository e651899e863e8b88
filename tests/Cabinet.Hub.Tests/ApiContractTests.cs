using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cabinet.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using static Cabinet.Hub.Tests.ApiSteps;

namespace Cabinet.Hub.Tests;

/// <summary>
/// The REST API v1 against a real server: the OpenAPI document (valid, and listing every /api route the host maps),
/// each v1 endpoint without credentials, with a client lacking its scope, with a person of another organisation and
/// with the right caller; integration clients' secrets rotated and revoked; paging bounds; bad bodies.
/// </summary>
public sealed partial class ApiContractTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private Uri Server => fixture.Server.BaseAddress;

    [Fact]
    public async Task The_OpenAPI_document_validates_and_describes_every_api_route_the_host_maps()
    {
        using var http = new HttpClient { BaseAddress = Server };
        await using var body = await http.GetStreamAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var read = await OpenApiDocument.LoadAsync(body, "json", new OpenApiReaderSettings(), TestContext.Current.CancellationToken);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = read.Document!;
        Assert.Empty(document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.True(document.Components?.SecuritySchemes?.ContainsKey("bearer"));
        Assert.True(document.Components?.SecuritySchemes?.ContainsKey("cookie"));

        using var routes = await SendAsync(Server, HttpMethod.Get, "/api/diagnostics/routes", await MeetingHubClient.GetTokenAsync(Server, "quantri"));
        Assert.Equal(HttpStatusCode.OK, routes.StatusCode);
        var mapped = (await routes.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).EnumerateArray()
            .Where(r => r.GetProperty("pattern").GetString()!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(r => r.GetProperty("methods").EnumerateArray().Select(m => (Path: Normalized(r.GetProperty("pattern").GetString()!), Method: m.GetString()!)))
            .ToHashSet();
        Assert.Contains(("/api/v1/meetings", "GET"), mapped);
        Assert.True(mapped.Count > 50, $"only {mapped.Count} API routes mapped");

        var described = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Method: o.Key.Method.ToUpperInvariant(), Operation: o.Value))).ToList();
        Assert.Empty(mapped.Except(described.Select(d => (d.Path, d.Method))));
        Assert.Empty(described.Select(d => (d.Path, d.Method)).Except(mapped));
        foreach (var (path, method, operation) in described)
        {
            var name = $"{method} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation.Summary), $"{name} has no summary");
            Assert.NotEmpty(operation.Tags ?? new HashSet<OpenApiTagReference>());
            Assert.True(operation.Responses!.Values.Any(r => r.Content?.ContainsKey("application/problem+json") == true), $"{name} describes no problem answer");
            if (path.StartsWith("/api/v1/", StringComparison.Ordinal) && path != "/api/v1/token")
            {
                Assert.True(operation.Security is { Count: > 0 }, $"{name} names no security scheme");
            }
        }
    }

    [Fact]
    public async Task The_reference_page_and_its_script_are_served_by_Cabinet_itself()
    {
        using var http = new HttpClient { BaseAddress = Server };
        using var page = await http.GetAsync(new Uri("/api-docs", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        // Every script the page loads is Cabinet's own, none inline.
        var scripts = ScriptTag().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["/api-docs/scalar.js", "/js/api-docs.js"], scripts);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        foreach (var script in scripts)
        {
            using var file = await http.GetAsync(new Uri(script, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.True((await file.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 100);
        }
    }

    [Fact]
    public async Task Every_v1_endpoint_refuses_the_anonymous_the_unscoped_client_and_the_other_organisation_and_serves_the_right_caller()
    {
        var administrator = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var chair = await MeetingHubClient.GetTokenAsync(Server, "chutich");
        var stranger = await MeetingHubClient.GetTokenAsync(Server, "binhan.chutich");
        var full = await ClientTokenAsync(Server, await RegisterAsync(Server, administrator, AllScopes));
        var unscoped = await ClientTokenAsync(Server, await RegisterAsync(Server, administrator, "webhooks:manage"));
        var spare = await RegisterAsync(Server, administrator, "meetings:read");

        // A meeting the client prepares and schedules (with a document), and a draft it keeps preparing.
        var meeting = await NewMeetingAsync(full);
        using (var upload = await SendAsync(Server, HttpMethod.Post, $"/api/v1/meetings/{meeting}/documents", full, PdfUpload("Tờ trình số 1")))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var document = (await SendJsonAsync(HttpMethod.Get, $"/api/v1/meetings/{meeting}/documents", full))[0].GetProperty("documentId").GetString();
        using (var scheduled = await SendAsync(Server, HttpMethod.Post, $"/api/v1/meetings/{meeting}/schedule", full))
        {
            Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        }

        var draft = await NewMeetingAsync(full);
        var o = $"/api/v1/opinions/{await NewOpinionBallotAsync(full)}";
        var person = $"api.{Guid.NewGuid():N}"[..16];
        var m = $"/api/v1/meetings/{meeting}";
        var d = $"/api/v1/meetings/{draft}";
        Call[] calls =
        [
            new(HttpMethod.Get, "/api/v1/organization", null, "*", full, HttpStatusCode.OK, Stranger: false),
            new(HttpMethod.Get, "/api/v1/people", null, "people:read", full, HttpStatusCode.OK),
            new(HttpMethod.Post, "/api/v1/people", () => new[] { new { userName = person, displayName = "Lê Văn Tích", position = "Chuyên viên", password = AccountSteps.Password } },
                "people:write", full, HttpStatusCode.Created),
            new(HttpMethod.Put, $"/api/v1/people/{person}", () => new { displayName = "Lê Văn Hợp", position = "Chuyên viên chính" }, "people:write", full, HttpStatusCode.OK),
            new(HttpMethod.Get, "/api/v1/meetings", null, "meetings:read", full, HttpStatusCode.OK, Stranger: false),
            new(HttpMethod.Post, "/api/v1/meetings", () => NewMeeting($"api-{Guid.NewGuid():N}"[..20]), "meetings:write", full, HttpStatusCode.Created, Stranger: false),
            new(HttpMethod.Get, m, null, "meetings:read", full, HttpStatusCode.OK),
            new(HttpMethod.Get, $"{m}/agenda", null, "meetings:read", full, HttpStatusCode.OK),
            new(HttpMethod.Get, $"{m}/participants", null, "meetings:read", full, HttpStatusCode.OK),
            new(HttpMethod.Post, $"{d}/agenda", () => new { title = "Nội dung bổ sung", presenter = "Sở Tư pháp", plannedMinutes = 10 }, "meetings:write", full, HttpStatusCode.OK),
            new(HttpMethod.Post, $"{d}/participants", () => new[] { new { userName = "daibieu3", role = "delegate" } }, "meetings:write", full, HttpStatusCode.OK),
            new(HttpMethod.Get, $"{m}/invitation.ics", null, null, chair, HttpStatusCode.OK),
            new(HttpMethod.Get, $"{m}/documents", null, "documents:read", full, HttpStatusCode.OK),
            new(HttpMethod.Post, $"{d}/documents", () => PdfUpload("Báo cáo"), "documents:write", full, HttpStatusCode.Created),
            new(HttpMethod.Get, $"{m}/documents/{document}/versions/1/file", null, "documents:read", full, HttpStatusCode.OK),
            new(HttpMethod.Get, $"{m}/polls", null, "polls:read", full, HttpStatusCode.OK),
            // Nothing was voted on or sealed: the right caller gets past every check to the meeting's own answer.
            new(HttpMethod.Get, $"{m}/polls/p1/result.json", null, "polls:read", full, HttpStatusCode.NotFound, "poll.not_found"),
            new(HttpMethod.Get, $"{m}/polls/p1/result.p7s", null, "polls:read", full, HttpStatusCode.NotFound, "poll.not_found"),
            new(HttpMethod.Get, $"{m}/archive.zip", null, "archives:read", full, HttpStatusCode.NotFound, "archive.not_ready"),
            new(HttpMethod.Get, $"{m}/minutes.pdf", null, "archives:read", full, HttpStatusCode.NotFound, "archive.not_ready"),
            new(HttpMethod.Get, $"{m}/minutes-draft.pdf", null, "archives:read", full, HttpStatusCode.NotFound, "minutes.not_ready"),
            new(HttpMethod.Get, "/api/v1/organizations/tinh/conclusions", null, "meetings:read", full, HttpStatusCode.OK),
            new(HttpMethod.Get, "/api/v1/clients", null, null, administrator, HttpStatusCode.OK),
            new(HttpMethod.Post, "/api/v1/clients", () => new { name = "Lịch họp", scopes = new[] { "meetings:read" } }, null, administrator, HttpStatusCode.Created),
            new(HttpMethod.Post, $"/api/v1/clients/{spare.ClientId}/secret", null, null, administrator, HttpStatusCode.OK),
            new(HttpMethod.Get, "/api/v1/opinions", null, "opinions:read", full, HttpStatusCode.OK, Stranger: false),
            new(HttpMethod.Post, "/api/v1/opinions", OpinionDraft, "opinions:write", full, HttpStatusCode.Created, Stranger: false),
            new(HttpMethod.Get, o, null, "opinions:read", full, HttpStatusCode.OK),
            new(HttpMethod.Get, $"{o}/consolidation", null, "opinions:read", full, HttpStatusCode.OK),
            // Not closed yet: the right caller gets past every check to the ballot's own answer.
            new(HttpMethod.Get, $"{o}/report.pdf", null, "opinions:read", full, HttpStatusCode.NotFound, "opinion.report_not_ready"),
            new(HttpMethod.Get, $"{o}/archive.zip", null, "opinions:read", full, HttpStatusCode.NotFound, "opinion.report_not_ready"),
            new(HttpMethod.Post, $"{o}/submit", null, "opinions:write", full, HttpStatusCode.OK),
            new(HttpMethod.Post, $"{d}/schedule", null, "meetings:write", full, HttpStatusCode.OK),
            new(HttpMethod.Delete, $"/api/v1/clients/{spare.ClientId}", null, null, administrator, HttpStatusCode.NoContent),
        ];

        foreach (var call in calls)
        {
            var name = $"{call.Method} {call.Path}";
            await AssertProblemAsync(await call.SendAsync(Server, null), HttpStatusCode.Unauthorized, "auth.not_signed_in", $"{name} anonymous");
            if (call.Scope != "*")
            {
                await AssertProblemAsync(await call.SendAsync(Server, unscoped), HttpStatusCode.Forbidden,
                    call.Scope is null ? "auth.not_a_person" : "auth.scope_missing", $"{name} by a client without {call.Scope}");
            }

            if (call.Stranger)
            {
                using var refused = await call.SendAsync(Server, stranger);
                Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{name} by another organisation's chair: {refused.StatusCode}");
                await AssertProblemAsync(refused, refused.StatusCode, null, $"{name} by another organisation's chair");
            }

            using var served = await call.SendAsync(Server, call.Right);
            if (call.RightCode is null)
            {
                Assert.True(call.RightStatus == served.StatusCode, $"{name}: {served.StatusCode} {await served.Content.ReadAsStringAsync()}");
            }
            else
            {
                await AssertProblemAsync(served, call.RightStatus, call.RightCode, name);
            }
        }

        // What the refused calls asked for did not happen: the draft holds exactly what the client added once.
        var agenda = await SendJsonAsync(HttpMethod.Get, $"{d}/agenda", full);
        Assert.Single(agenda.EnumerateArray(), i => i.GetProperty("title").GetString() == "Nội dung bổ sung");
        Assert.Equal(1, (await SendJsonAsync(HttpMethod.Get, $"{d}/documents", full)).GetArrayLength());
        var submitted = await SendJsonAsync(HttpMethod.Get, o, full);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(1, submitted.GetProperty("round").GetInt32());
        Assert.Equal(2, submitted.GetProperty("asked").GetInt32());
        Assert.Equal(0, submitted.GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task Opinion_ballots_are_listed_a_page_at_a_time_and_a_member_not_yet_asked_sees_none()
    {
        var token = await ClientTokenAsync(Server, await RegisterAsync(Server, await MeetingHubClient.GetTokenAsync(Server, "quantri"), "opinions:read", "opinions:write"));
        var ids = new[] { await NewOpinionBallotAsync(token), await NewOpinionBallotAsync(token) };

        var seen = new List<string>();
        var next = "/api/v1/opinions?size=1";
        while (next is not null && seen.Count < 1000)
        {
            var page = await SendJsonAsync(HttpMethod.Get, next, token);
            Assert.True(page.GetProperty("items").GetArrayLength() <= 1);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ballotId").GetString()!));
            next = page.GetProperty("next").GetString();
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), ids.ToHashSet());
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/v1/opinions?page=khong-hop-le", token), HttpStatusCode.BadRequest, "input.invalid", "a made-up page");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Post, "/api/v1/opinions", token, new { title = "Thiếu câu hỏi", members = new[] { "daibieu1" }, chair = "chutich" }),
            HttpStatusCode.BadRequest, "input.invalid", "a draft without questions");

        // A member asked sees a draft only once it is sent; the chair sees it at once.
        var member = await MeetingHubClient.GetTokenAsync(Server, "daibieu1");
        Assert.DoesNotContain((await SendJsonAsync(HttpMethod.Get, "/api/v1/opinions?size=100", member)).GetProperty("items").EnumerateArray(),
            i => ids.Contains(i.GetProperty("ballotId").GetString()));
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, $"/api/v1/opinions/{ids[0]}", member), HttpStatusCode.Forbidden, "auth.forbidden", "a member before it is sent");
        var chair = await SendJsonAsync(HttpMethod.Get, $"/api/v1/opinions/{ids[0]}", await MeetingHubClient.GetTokenAsync(Server, "chutich"));
        Assert.Equal("draft", chair.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_older_api_endpoints_refuse_with_problems_too()
    {
        var chair = await MeetingHubClient.GetTokenAsync(Server, "chutich");
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = new HttpClient { BaseAddress = Server };
        (HttpResponseMessage Answer, HttpStatusCode Status, string Code, string Name)[] answers =
        [
            (await anonymous.GetAsync(new Uri("/api/me/calendar.ics", UriKind.Relative), ct), HttpStatusCode.Unauthorized, "auth.not_signed_in", "the calendar without sign-in"),
            (await anonymous.GetAsync(new Uri("/api/admin/organizations", UriKind.Relative), ct), HttpStatusCode.Unauthorized, "auth.not_signed_in", "the admin API without sign-in"),
            (await anonymous.GetAsync(new Uri("/api/opinions/tinh/ykien-khong-co/report.pdf", UriKind.Relative), ct), HttpStatusCode.Unauthorized, "auth.not_signed_in", "an opinion report without sign-in"),
            (await SendAsync(Server, HttpMethod.Get, "/api/admin/organizations", chair), HttpStatusCode.Forbidden, "auth.forbidden", "the admin API for a chair"),
            (await SendAsync(Server, HttpMethod.Get, "/api/meetings/tinh/khong-co/archive.zip", chair), HttpStatusCode.NotFound, "meeting.not_found", "an older meeting endpoint"),
            (await SendAsync(Server, HttpMethod.Get, "/api/opinions/tinh/ykien-khong-co/report.pdf", chair), HttpStatusCode.NotFound, "opinion.not_found", "an older opinion endpoint"),
            (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "khong.co.ai", password = "sai-mat-khau" }, ct), HttpStatusCode.Unauthorized, "auth.sign_in_failed", "an unknown account"),
        ];

        foreach (var (answer, status, code, name) in answers)
        {
            using (answer)
            {
                await AssertProblemAsync(answer, status, code, name);
            }
        }
    }

    [Fact]
    public async Task A_rotated_secret_stops_working_and_a_revoked_client_is_refused_at_once()
    {
        var administrator = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var client = await RegisterAsync(Server, administrator, "meetings:read");
        var token = await ClientTokenAsync(Server, client);
        using (var basic = await TokenResponseAsync(Server, client.ClientId, client.Secret, basic: true))
        {
            Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        }

        await AssertProblemAsync(await TokenResponseAsync(Server, client.ClientId, client.Secret, scope: "people:read"), HttpStatusCode.Forbidden, "auth.scope_missing", "a scope never granted");

        // The list shows the client and never a secret or its hash.
        var listed = await (await SendAsync(Server, HttpMethod.Get, "/api/v1/clients", administrator)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(client.ClientId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);

        using var rotation = await SendAsync(Server, HttpMethod.Post, $"/api/v1/clients/{client.ClientId}/secret", administrator);
        var rotated = ReadSecret(await rotation.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
        Assert.NotEqual(client.Secret, rotated.Secret);
        await AssertProblemAsync(await TokenResponseAsync(Server, client.ClientId, client.Secret), HttpStatusCode.Unauthorized, "auth.client_invalid", "the old secret");
        var fresh = await ClientTokenAsync(Server, rotated);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Server, HttpMethod.Get, "/api/v1/meetings", token)).StatusCode);

        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Delete, $"/api/v1/clients/{client.ClientId}", await MeetingHubClient.GetTokenAsync(Server, "chutich")),
            HttpStatusCode.Forbidden, "auth.forbidden", "a chair who administers nothing");
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(Server, HttpMethod.Delete, $"/api/v1/clients/{client.ClientId}", administrator)).StatusCode);
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/v1/meetings", fresh), HttpStatusCode.Unauthorized, "auth.not_signed_in", "a revoked client's token");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/v1/meetings", token), HttpStatusCode.Unauthorized, "auth.not_signed_in", "an older token of it");
        await AssertProblemAsync(await TokenResponseAsync(Server, rotated.ClientId, rotated.Secret), HttpStatusCode.Unauthorized, "auth.client_invalid", "a revoked client");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Delete, $"/api/v1/clients/{client.ClientId}", administrator), HttpStatusCode.NotFound, "client.not_found", "revoked twice");
        var audited = await AccountSteps.AuditAsync(Server, "client.revoked", "quantri");
        Assert.Contains(audited, e => e.Detail == client.ClientId);
    }

    [Fact]
    public async Task A_client_is_no_person_the_hub_and_the_older_endpoints_refuse_its_token()
    {
        var administrator = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var token = await ClientTokenAsync(Server, await RegisterAsync(Server, administrator, AllScopes));

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(Server, HttpMethod.Post, $"{MeetingHub.Path}/negotiate?negotiateVersion=1", token)).StatusCode);
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/admin/organizations", token), HttpStatusCode.Unauthorized, "auth.not_signed_in", "the admin API");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Post, "/api/v1/clients", token, new { name = "Con", scopes = new[] { "meetings:read" } }),
            HttpStatusCode.Forbidden, "auth.not_a_person", "a client registering another");
        // A person's token is not a client's, and no made-up token is anyone's.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Server, HttpMethod.Get, "/api/v1/clients", administrator)).StatusCode);
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/v1/meetings", "khong-phai-ma"), HttpStatusCode.Unauthorized, "auth.not_signed_in", "a made-up token");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/v1/khong-co", administrator), HttpStatusCode.NotFound, "api.not_found", "an unknown API address");
        await AssertProblemAsync(await TokenResponseAsync(Server, "tinh.khongco", "sai"), HttpStatusCode.Unauthorized, "auth.client_invalid", "an unknown client");
    }

    [Fact]
    public async Task Pages_hold_one_to_a_hundred_items_and_link_to_the_next()
    {
        var token = await ClientTokenAsync(Server, await RegisterAsync(Server, await MeetingHubClient.GetTokenAsync(Server, "quantri"), "meetings:read", "people:read"));
        foreach (var size in new[] { 0, -1, 101 })
        {
            await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, $"/api/v1/meetings?size={size}", token), HttpStatusCode.BadRequest, "input.invalid", $"size={size}");
            await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, $"/api/v1/people?size={size}", token), HttpStatusCode.BadRequest, "input.invalid", $"people size={size}");
        }

        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/v1/meetings?page=khong-hop-le", token), HttpStatusCode.BadRequest, "input.invalid", "a made-up page");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/v1/people?page=-3", token), HttpStatusCode.BadRequest, "input.invalid", "a negative page");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Get, "/api/v1/meetings?size=abc", token), HttpStatusCode.BadRequest, "input.invalid", "a size that is no number");

        var all = await SendJsonAsync(HttpMethod.Get, "/api/v1/meetings?size=100", token);
        Assert.InRange(all.GetProperty("items").GetArrayLength(), 2, 100);
        foreach (var list in new[] { "/api/v1/meetings", "/api/v1/people" })
        {
            var first = await SendJsonAsync(HttpMethod.Get, $"{list}?size=1", token);
            Assert.Equal(1, first.GetProperty("items").GetArrayLength());
            var next = first.GetProperty("next").GetString()!;
            Assert.StartsWith($"{list}?size=1&page=", next, StringComparison.Ordinal);
            var second = await SendJsonAsync(HttpMethod.Get, next, token);
            Assert.Equal(1, second.GetProperty("items").GetArrayLength());
            Assert.NotEqual(first.GetProperty("items")[0].GetRawText(), second.GetProperty("items")[0].GetRawText());
        }

        var people = await SendJsonAsync(HttpMethod.Get, "/api/v1/people?size=100", token);
        Assert.Equal(JsonValueKind.Null, people.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task A_body_that_is_no_JSON_is_a_400_problem_and_changes_nothing()
    {
        var administrator = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var token = await ClientTokenAsync(Server, await RegisterAsync(Server, administrator, AllScopes));
        var meeting = await NewMeetingAsync(token);
        var before = await SendJsonAsync(HttpMethod.Get, $"/api/v1/meetings/{meeting}", token);
        var clients = (await SendJsonAsync(HttpMethod.Get, "/api/v1/clients", administrator)).GetArrayLength();

        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Post, $"/api/v1/meetings/{meeting}/participants", token, RawJson("[{\"userName\": ")),
            HttpStatusCode.BadRequest, "input.invalid", "participants cut short");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Post, $"/api/v1/meetings/{meeting}/agenda", token, RawJson("{\"title\": 5, \"plannedMinutes\": \"x\"}")),
            HttpStatusCode.BadRequest, "input.invalid", "an agenda item of the wrong types");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Post, "/api/v1/clients", administrator, RawJson("{name: nope")),
            HttpStatusCode.BadRequest, "input.invalid", "a client that is no JSON");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Post, "/api/v1/clients", administrator, new { name = "Không phạm vi", scopes = new[] { "everything" } }),
            HttpStatusCode.BadRequest, "client.invalid", "an unknown scope");
        await AssertProblemAsync(await SendAsync(Server, HttpMethod.Post, "/api/v1/meetings", token, new { id = "Không Hợp Lệ" }),
            HttpStatusCode.BadRequest, "input.invalid", "a meeting with a bad id");

        var after = await SendJsonAsync(HttpMethod.Get, $"/api/v1/meetings/{meeting}", token);
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(before.GetProperty("participants").GetRawText(), after.GetProperty("participants").GetRawText());
        Assert.Equal(clients, (await SendJsonAsync(HttpMethod.Get, "/api/v1/clients", administrator)).GetArrayLength());
    }

    /// <summary>A meeting the caller creates in draft through the API, with chutich chairing; its id.</summary>
    private async Task<string> NewMeetingAsync(string token)
    {
        var id = $"api-{Guid.NewGuid():N}"[..20];
        using var created = await SendAsync(Server, HttpMethod.Post, "/api/v1/meetings", token, NewMeeting(id));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return $"tinh/{id}";
    }

    /// <summary>A draft opinion ballot the caller writes through the API (daibieu1 and daibieu2 asked, chutich approving); its id.</summary>
    private async Task<string> NewOpinionBallotAsync(string token)
    {
        using var created = await SendAsync(Server, HttpMethod.Post, "/api/v1/opinions", token, OpinionDraft());
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ballotId").GetString()!;
    }

    private static object OpinionDraft() => new
    {
        title = "Lấy ý kiến về kế hoạch chuyển đổi số",
        questions = new[] { new { text = "Thống nhất thông qua kế hoạch?", kind = "agreeDisagree", options = Array.Empty<string>() } },
        members = new[] { "daibieu1", "daibieu2" },
        chair = "chutich",
        deadline = DateTimeOffset.UtcNow.AddDays(3),
        rule = "moreThanHalfOfMembers",
        answersMayChange = true,
    };

    private static object NewMeeting(string id) => new
    {
        id,
        details = new { title = "Họp giao ban qua API", place = "Phòng họp 3", scheduledStart = DateTimeOffset.UtcNow.AddDays(3) },
        participants = new[] { new { userName = "chutich", role = "chair" }, new { userName = "thuky", role = "secretary" }, new { userName = "daibieu1", role = "delegate" } },
        agenda = new[] { new { title = "Nội dung 1", presenter = "Sở Tài chính", plannedMinutes = 15 } },
    };

    private async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, string token)
    {
        using var response = await SendAsync(Server, method, path, token);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A route pattern as OpenAPI writes its path: parameters without their constraints, no empty segment (a group's "").</summary>
    private static string Normalized(string pattern) => RouteParameter().Replace(EmptySegments().Replace(pattern, "/"), "{$1}").TrimEnd('/');

    [GeneratedRegex("/{2,}")]
    private static partial Regex EmptySegments();

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptTag();

    /// <summary>One v1 endpoint: the scope a client needs (null: people only, "*": any client), the right caller and its answer.</summary>
    private sealed record Call(HttpMethod Method, string Path, Func<object>? Body, string? Scope, string Right, HttpStatusCode RightStatus,
        string? RightCode = null, bool Stranger = true)
    {
        public Task<HttpResponseMessage> SendAsync(Uri server, string? token) => ApiSteps.SendAsync(server, Method, Path, token, Body?.Invoke());
    }
}
