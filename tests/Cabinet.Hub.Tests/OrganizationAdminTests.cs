using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>
/// The admin API over a real Cabinet: the organisation tree and who administers what, the CSV import with its per-row
/// report, and the second factor of the token flow (required of administrators, codes single-use).
/// </summary>
public sealed class OrganizationAdminTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private Uri Server => fixture.Server.BaseAddress;

    [Fact]
    public async Task A_commune_administrator_administers_their_commune_only_and_the_province_administrator_every_commune()
    {
        var province = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var (commune, communeAdmin) = await NewCommuneAsync(province);
        var person = await NewPersonAsync(province, commune);
        var token = await MeetingHubClient.GetTokenAsync(Server, communeAdmin, AccountSteps.Password); // enrols TOTP on the way

        using (var tree = await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/admin/organizations", token))
        {
            Assert.Equal(HttpStatusCode.OK, tree.StatusCode);
            Assert.Equal([commune], (await tree.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(o => o.GetProperty("id").GetString()));
        }

        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Post, "/api/admin/organizations", new { id = $"xa-{Guid.NewGuid():N}"[..12], name = "Xã lạ", parentId = "tinh" }),
            (HttpMethod.Post, "/api/admin/organizations", new { id = $"xa-{Guid.NewGuid():N}"[..12], name = "Xã lạ", parentId = "xa-binh-an" }),
            (HttpMethod.Get, "/api/admin/organizations/tinh/people", null),
            (HttpMethod.Get, "/api/admin/organizations/xa-phu-my/people", null),
            (HttpMethod.Post, "/api/admin/organizations/xa-binh-an/people", new[] { new { userName = $"x.{Guid.NewGuid():N}"[..12], displayName = "X", position = "", password = AccountSteps.Password } }),
            (HttpMethod.Post, "/api/admin/users/daibieu1/disable", null),
            (HttpMethod.Post, "/api/admin/users/binhan.thuky/unlock", null),
            (HttpMethod.Put, "/api/admin/users/phumy.thuky/role", new { role = "member" }),
            (HttpMethod.Put, "/api/admin/organizations/tinh/second-factor", new { policy = "optional" }),
        })
        {
            using var refused = await AccountSteps.SendAsync(Server, method, path, token, body);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)refused.StatusCode}");
            Assert.Equal("auth.forbidden", await AccountSteps.ErrorCodeOf(refused));
        }

        using (var own = await AccountSteps.SendAsync(Server, HttpMethod.Put, $"/api/admin/users/{person}", token, new { displayName = "Lê Thị Sửa", position = "Công chức" }))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        // The province's administrator sees the new commune in the tree and acts on its people.
        using (var tree = await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/admin/organizations", province))
        {
            var ids = (await tree.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(o => o.GetProperty("id").GetString()).ToList();
            Assert.Equal("tinh", ids[0]);
            Assert.Contains(commune, ids);
            Assert.Contains("xa-binh-an", ids);
        }

        using (var disabled = await AccountSteps.SendAsync(Server, HttpMethod.Post, $"/api/admin/users/{person}/disable", province))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }

        using var people = await AccountSteps.SendAsync(Server, HttpMethod.Get, $"/api/admin/organizations/{commune}/people", province);
        var listed = (await people.Content.ReadFromJsonAsync<JsonElement[]>())!.Single(p => p.GetProperty("userName").GetString() == person);
        Assert.Equal("Lê Thị Sửa", listed.GetProperty("displayName").GetString());
        Assert.True(listed.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Meeting_rules_are_set_by_the_organisations_administrators_only_and_invalid_rules_change_nothing()
    {
        var province = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var (commune, communeAdmin) = await NewCommuneAsync(province);
        var path = $"/api/admin/organizations/{commune}/meeting-rules";
        using (var defaults = await AccountSteps.SendAsync(Server, HttpMethod.Get, path, province))
        {
            var rules = await defaults.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(2, rules.GetProperty("quorum").GetProperty("numerator").GetInt32());
            Assert.Equal("moreThanHalfOfMembers", rules.GetProperty("majority").GetProperty("kind").GetString());
            Assert.False(rules.GetProperty("deputiesVote").GetBoolean());
        }

        var half = new { quorum = new { numerator = 1, denominator = 2 }, majority = new { kind = "customFractionOfMembers", numerator = 3, denominator = 5 }, deputiesVote = true };
        var token = await MeetingHubClient.GetTokenAsync(Server, communeAdmin, AccountSteps.Password);
        foreach (var (who, organization) in new[] { (token, "tinh"), (token, "xa-binh-an") })
        {
            using var refused = await AccountSteps.SendAsync(Server, HttpMethod.Put, $"/api/admin/organizations/{organization}/meeting-rules", who, half);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("auth.forbidden", await AccountSteps.ErrorCodeOf(refused));
        }

        using (var member = await AccountSteps.SendAsync(Server, HttpMethod.Get, "/api/admin/organizations/tinh/meeting-rules", await MeetingHubClient.GetTokenAsync(Server, "daibieu1")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        }

        foreach (var invalid in new object[]
        {
            new { quorum = new { numerator = 4, denominator = 3 }, majority = new { kind = "moreThanHalfOfMembers" }, deputiesVote = false },
            new { quorum = new { numerator = 1, denominator = 0 }, majority = new { kind = "moreThanHalfOfMembers" }, deputiesVote = false },
            new { quorum = new { numerator = 2, denominator = 3 }, majority = new { kind = "mostVotes" }, deputiesVote = false },
            new { quorum = new { numerator = 2, denominator = 3 }, majority = new { kind = "customFractionOfMembers", numerator = 0, denominator = 3 }, deputiesVote = false },
            new { quorum = new { numerator = 2, denominator = 3 }, majority = new { kind = "moreThanHalfOfMembers" } },
        })
        {
            using var refused = await AccountSteps.SendAsync(Server, HttpMethod.Put, path, token, invalid);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("organization.rules_invalid", await AccountSteps.ErrorCodeOf(refused));
        }

        using (var set = await AccountSteps.SendAsync(Server, HttpMethod.Put, path, token, half))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        using var read = await AccountSteps.SendAsync(Server, HttpMethod.Get, path, province);
        var saved = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 2), (saved.GetProperty("quorum").GetProperty("numerator").GetInt32(), saved.GetProperty("quorum").GetProperty("denominator").GetInt32()));
        Assert.Equal("customFractionOfMembers", saved.GetProperty("majority").GetProperty("kind").GetString());
        Assert.Equal(3, saved.GetProperty("majority").GetProperty("numerator").GetInt32());
        Assert.True(saved.GetProperty("deputiesVote").GetBoolean());
    }

    [Fact]
    public async Task A_csv_import_reports_each_bad_row_and_imports_the_others()
    {
        var province = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var (commune, _) = await NewCommuneAsync(province);
        var stem = $"{Guid.NewGuid():N}"[..8];
        var csv = "\uFEFFuserName,displayName,position,role,password,email,phone\r\n"
            + $"a{stem}.mot,\"Nguyễn Văn Một\",\"Chủ tịch, UBND xã\",organizer,Ghe-go-phong-hop-7,mot@xa.gov.vn,0912 345 678\r\n"
            + $"A B{stem},Sai Tên,,member,Ghe-go-phong-hop-7,,\r\n"
            + $"a{stem}.hai,Trần Thị Hai,Công chức,member,,,\r\n"
            + $"a{stem}.mot,Trùng Tên,,member,Ghe-go-phong-hop-7,,\r\n"
            + $"a{stem}.ba,Lê Văn Ba,,chief,Ghe-go-phong-hop-7,,\r\n"
            + $"a{stem}.bon,Phạm Văn Bốn,,member,123456789,,\r\n"
            + $"a{stem}.nam,Võ Văn Năm,,member,Ghe-go-phong-hop-7,khong-phai-thu,\r\n";

        using var http = new HttpClient { BaseAddress = Server };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/organizations/{commune}/people.csv")
        {
            Content = new StringContent(csv, new UTF8Encoding(false), "text/csv"),
        };
        request.Headers.Authorization = new("Bearer", province);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count == 7, report.ToString());

        Assert.Equal([2, 3, 4, 5, 6, 7, 8], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.True(rows.Select(r => r.GetProperty("ok").GetBoolean()).SequenceEqual([true, false, true, false, false, false, false]), report.ToString());
        Assert.Equal([null, "input.invalid", null, "import.duplicate", "input.invalid", "password.common", "contact.email_invalid"], rows.Select(r => r.GetProperty("code").GetString()));
        Assert.All(rows.Where(r => !r.GetProperty("ok").GetBoolean()), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetString())));
        Assert.Equal(2, report.GetProperty("created").GetInt32());

        // The row without a password got a temporary one, shown once; it must be changed at the first sign-in.
        var temporary = rows[2].GetProperty("temporaryPassword").GetString()!;
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("temporaryPassword").ValueKind);
        using (var first = await AccountSteps.TokenResponseAsync(Server, $"a{stem}.hai", temporary))
        {
            Assert.Equal("auth.password_change_required", await AccountSteps.ErrorCodeOf(first));
        }

        using var people = await AccountSteps.SendAsync(Server, HttpMethod.Get, $"/api/admin/organizations/{commune}/people", province);
        var listed = (await people.Content.ReadFromJsonAsync<JsonElement[]>())!.ToDictionary(p => p.GetProperty("userName").GetString()!);
        Assert.Equal(["Chủ tịch, UBND xã", "organizer"], [listed[$"a{stem}.mot"].GetProperty("position").GetString(), listed[$"a{stem}.mot"].GetProperty("role").GetString()]);
        Assert.Equal(["mot@xa.gov.vn", "0912345678"], [listed[$"a{stem}.mot"].GetProperty("email").GetString(), listed[$"a{stem}.mot"].GetProperty("phone").GetString()]);
        Assert.True(listed.ContainsKey($"a{stem}.hai"));
        Assert.Equal(3, listed.Count); // the commune's administrator and the two imported
    }

    [Fact]
    public async Task An_administrator_gets_no_token_with_the_password_alone_and_a_used_code_is_refused()
    {
        var province = await MeetingHubClient.GetTokenAsync(Server, "quantri");
        var (_, admin) = await NewCommuneAsync(province);

        using var asked = await AccountSteps.TokenResponseAsync(Server, admin, AccountSteps.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, asked.StatusCode);
        var challenge = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("auth.mfa_required", challenge.GetProperty("code").GetString());
        Assert.False(challenge.TryGetProperty("accessToken", out _));
        var secret = challenge.GetProperty("enrolment").GetProperty("secret").GetString()!;
        var code = SecondFactorCodes.Current(secret);

        using var wrong = await CompleteAsync(challenge.GetProperty("challenge").GetString()!, code == "000000" ? "111111" : "000000");
        Assert.Equal("auth.mfa_failed", await AccountSteps.ErrorCodeOf(wrong));
        using var enrolled = await CompleteAsync(challenge.GetProperty("challenge").GetString()!, code);
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var tokens = await enrolled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("accessToken").GetString()));
        var recovery = tokens.GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, recovery.Distinct().Count());

        // The same code again, on a new sign-in: its time step is spent.
        using var replayed = await CompleteAsync(await ChallengeAsync(admin), code);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("auth.mfa_failed", await AccountSteps.ErrorCodeOf(replayed));

        // A recovery code works once.
        using (var recovered = await CompleteAsync(await ChallengeAsync(admin), recovery[3]))
        {
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        }

        using (var again = await CompleteAsync(await ChallengeAsync(admin), recovery[3]))
        {
            Assert.Equal("auth.mfa_failed", await AccountSteps.ErrorCodeOf(again));
        }

        // The browser gets no session cookie with the password alone either.
        var (http, cookies, response) = await CookieSignIn.PostAsync(Server, admin, AccountSteps.Password);
        using (http)
        using (response)
        {
            Assert.StartsWith("/login?step=code", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.Null(cookies.GetCookies(Server)["cabinet"]);
        }

        Assert.NotEmpty(await AccountSteps.AuditAsync(Server, "mfa.failed", admin));
    }

    private async Task<string> ChallengeAsync(string userName)
    {
        using var asked = await AccountSteps.TokenResponseAsync(Server, userName, AccountSteps.Password);
        var body = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("auth.mfa_required", body.GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("enrolment", out var enrolment) && enrolment.ValueKind != JsonValueKind.Null, "enrolled already");
        return body.GetProperty("challenge").GetString()!;
    }

    private Task<HttpResponseMessage> CompleteAsync(string challenge, string code) =>
        AccountSteps.SendAsync(Server, HttpMethod.Post, "/api/auth/token/mfa", null, new { challenge, code });

    /// <summary>A new commune under the province, and its administrator (created by the province's administrator).</summary>
    private async Task<(string Commune, string Administrator)> NewCommuneAsync(string provinceToken)
    {
        var commune = $"xa-{Guid.NewGuid():N}"[..14];
        using (var created = await AccountSteps.SendAsync(Server, HttpMethod.Post, "/api/admin/organizations", provinceToken,
            new { id = commune, name = "Ủy ban nhân dân xã Thử Nghiệm", parentId = "tinh" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var administrator = $"qt.{commune.Replace("-", "", StringComparison.Ordinal)}";
        using var added = await AccountSteps.SendAsync(Server, HttpMethod.Post, $"/api/admin/organizations/{commune}/people", provinceToken,
            new[] { new { userName = administrator, displayName = "Quản trị xã", position = "Công chức", password = AccountSteps.Password, role = "administrator" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return (commune, administrator);
    }

    private async Task<string> NewPersonAsync(string token, string commune)
    {
        var name = $"nv.{Guid.NewGuid():N}"[..14];
        using var added = await AccountSteps.SendAsync(Server, HttpMethod.Post, $"/api/admin/organizations/{commune}/people", token,
            new[] { new { userName = name, displayName = "Người Mới", position = "", password = AccountSteps.Password } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return name;
    }
}
