using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Polls;
using Cabinet.Testing;
using Cabinet.Voting.Motions;
using Cabinet.Voting.Signing;
using Cabinet.Voting.Tallying;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>ASPNETCORE_ENVIRONMENT=Production is a mode of its own: it needs the organisation's certificate, seeds nothing, signs with nothing else.</summary>
public sealed class ProductionModeTests
{
    private const string Organization = "tinh-thu";
    private const string AdminPassword = "Quan-tri-dau-tien-2026";

    [Fact]
    public async Task Production_without_a_signing_certificate_or_with_cheap_password_hashes_exits_naming_the_settings()
    {
        // The test servers' cheap password hashes are refused too.
        var options = new CabinetServerOptions { Environment = "Production", ExtraArguments = ["--Cabinet:Passwords:Iterations=1000"] };
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => CabinetServer.StartAsync(options));

        Assert.Contains("exited during start-up", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Cabinet:SigningCertificatePath is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Cabinet__SigningCertificatePasswordFile", failure.Message, StringComparison.Ordinal);
        Assert.Contains("No key-encryption key is configured", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Cabinet:Passwords:Iterations is 1000", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(options.DataPath, "pki")), "no development CA may be created");
    }

    [Fact]
    public async Task Production_refuses_a_single_sign_on_authority_without_tls_unless_the_test_flag_says_so()
    {
        var sso = new[] { "--Cabinet:Oidc:Authority=http://127.0.0.1:9/", "--Cabinet:Oidc:ClientId=cabinet" };
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CabinetServer.StartAsync(new CabinetServerOptions { Environment = "Production", ExtraArguments = sso }));
        Assert.Contains("Cabinet:Oidc:Authority (http://127.0.0.1:9/) is not an https:// address", refused.Message, StringComparison.Ordinal);

        var flagged = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CabinetServer.StartAsync(new CabinetServerOptions { Environment = "Production", ExtraArguments = [.. sso, "--Cabinet:Oidc:AllowHttpAuthority=true"] }));
        Assert.DoesNotContain("Cabinet:Oidc", flagged.Message, StringComparison.Ordinal);
        Assert.Contains("Cabinet:SigningCertificatePath is not set", flagged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_its_certificate_seeds_nothing_and_its_results_verify_against_that_certificates_issuer()
    {
        var folder = RepositoryPaths.NewTempFolder("production");
        using var issuer = CertificateAuthority.Create("Cơ quan chứng thực thử nghiệm");
        await File.WriteAllTextAsync(Path.Combine(folder, "issuer.pem"), issuer.RootPem);
        var options = await ProductionOptionsAsync(folder, issuer);
        await using var server = await CabinetServer.StartAsync(options);

        await Assert.ThrowsAsync<HttpRequestException>(() => MeetingHubClient.GetTokenAsync(server.BaseAddress, "chutich"));
        Assert.DoesNotContain("Demo accounts", server.Output, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(issuer.RootPem.Trim(), (await http.GetStringAsync(new Uri("/api/pki/root.pem", UriKind.Relative))).Trim());
        // The OpenAPI document and the reference page are on only when Cabinet:Api:Reference says so; the API always answers.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/api-docs", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/v1/meetings", UriKind.Relative))).StatusCode);

        var result = await SignedResultAsync(server);
        await File.WriteAllTextAsync(Path.Combine(folder, "result.json"), result.DocumentJson);
        await File.WriteAllBytesAsync(Path.Combine(folder, "result.p7s"), Convert.FromBase64String(result.SignatureBase64));
        var verified = Tool.Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "result.p7s"),
            "-content", Path.Combine(folder, "result.json"), "-CAfile", Path.Combine(folder, "issuer.pem"), "-purpose", "any", "-out", "/dev/null");
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("Verification successful", verified.Output, StringComparison.Ordinal);

        Assert.False(File.Exists(Path.Combine(options.DataPath, "pki", "cabinet-dev-ca.p12")), "no development CA in Production");
        var keyRing = Directory.GetFiles(Path.Combine(options.DataPath, "keys"), "*.xml");
        Assert.NotEmpty(keyRing);
        Assert.All(keyRing, key => Assert.Contains("encryptedSecret", File.ReadAllText(key), StringComparison.Ordinal));
        PrivateFileChecks.AssertOwnerOnly(options.DataPath);
    }

    [Fact]
    public async Task Production_certifies_device_keys_with_its_issuing_ca_so_the_secretary_and_the_chair_sign_and_the_minutes_verify()
    {
        var folder = RepositoryPaths.NewTempFolder("production-minutes");
        using var issuer = CertificateAuthority.Create("Cơ quan chứng thực thử nghiệm");
        var root = Path.Combine(folder, "issuer.pem");
        await File.WriteAllTextAsync(root, issuer.RootPem);
        await using var server = await CabinetServer.StartAsync(await ProductionOptionsAsync(folder, issuer));
        await MinutesSigner.SetReviewHoursAsync(server.BaseAddress, 0, Organization, "quantri.thu", AdminPassword);
        await SignedResultAsync(server);
        var id = MeetingKey.Of(Organization, "phien-san-xuat");
        await using (var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "ct.chu.tich", AdminPassword))
        {
            Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CloseMeeting), id)).Ok);
        }

        var sealedMeeting = await MinutesSigner.SignAndSealAsync(server.BaseAddress, id, "tk.thu.ky", "ct.chu.tich", AdminPassword);
        Assert.NotNull(sealedMeeting.Archive);

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MeetingHubClient.GetTokenAsync(server.BaseAddress, "db.mot", AdminPassword));
        var minutes = Path.Combine(folder, "minutes.pdf");
        await File.WriteAllBytesAsync(minutes, await http.GetByteArrayAsync(new Uri($"/api/meetings/{id}/minutes.pdf", UriKind.Relative)));
        var archive = Path.Combine(folder, "archive.zip");
        await File.WriteAllBytesAsync(archive, await http.GetByteArrayAsync(new Uri($"/api/meetings/{id}/archive.zip", UriKind.Relative)));

        // Trusting only the root: each personal certificate reaches it through the issuing CA the signature carries.
        var pdfsig = Tool.Run("pdfsig", "-nssdir", NssDatabase.Trusting(Path.Combine(folder, "nss"), root), minutes);
        Assert.Equal(3, pdfsig.Output.Split("Signature Validation: Signature is Valid.").Length - 1);
        Assert.True(pdfsig.Output.Split("Certificate Validation: Certificate is Trusted.").Length - 1 == 3, pdfsig.Output);
        Assert.Matches("(?s)ThuKy.*UID=tk\\.thu\\.ky.*ChuToa.*UID=ct\\.chu\\.tich.*CoQuan", pdfsig.Output);
        var verified = ClosingFlow.Verify(archive, root);
        Assert.True(verified.ExitCode == 0, verified.Output);
        var standalone = ClosingFlow.Verify(minutes, root);
        Assert.True(standalone.ExitCode == 0, standalone.Output);
    }

    [Fact]
    public async Task Production_refuses_an_issuing_ca_that_does_not_chain_to_the_seals_root_and_one_that_is_missing()
    {
        var folder = RepositoryPaths.NewTempFolder("production-issuing");
        using var issuer = CertificateAuthority.Create("Cơ quan chứng thực thử nghiệm");
        using var stranger = CertificateAuthority.Create("Một CA khác");
        var options = await ProductionOptionsAsync(folder, issuer);
        using (var foreign = stranger.IssueSubordinate("CA cấp chứng thư lạ"))
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "cap-chung-thu.p12"), foreign.ExportPkcs12("mat-khau-cap"));
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => CabinetServer.StartAsync(options));
        Assert.Contains("Cabinet:Signing:IssuingCaPath", refused.Message, StringComparison.Ordinal);
        Assert.Contains("does not chain to the trust anchor", refused.Message, StringComparison.Ordinal);

        var missing = options with { ExtraArguments = [.. options.ExtraArguments.Where(a => !a.StartsWith("--Cabinet:Signing:IssuingCa", StringComparison.Ordinal))] };
        var unset = await Assert.ThrowsAsync<InvalidOperationException>(() => CabinetServer.StartAsync(missing));
        Assert.Contains("Cabinet:Signing:IssuingCaPath is not set", unset.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_redis_mode_the_data_protection_keys_in_redis_are_encrypted_with_the_certificate()
    {
        var folder = RepositoryPaths.NewTempFolder("production-redis");
        using var issuer = CertificateAuthority.Create("Cơ quan chứng thực thử nghiệm");
        await using var redis = await RedisServer.StartAsync();
        var options = (await ProductionOptionsAsync(folder, issuer)) with { RedisConnectionString = redis.ConnectionString };
        await using var server = await CabinetServer.StartAsync(options);
        await MeetingHubClient.GetTokenAsync(server.BaseAddress, "quantri.thu", AdminPassword); // a token needs the key ring

        var keys = Tool.Run("redis-cli", "-p", redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "LRANGE", "cabinet:data-protection-keys", "0", "-1");
        Assert.Equal(0, keys.ExitCode);
        Assert.Contains("<key ", keys.Output, StringComparison.Ordinal);
        Assert.Contains("encryptedSecret", keys.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", keys.Output, StringComparison.Ordinal); // where an unencrypted key ring keeps the master key
    }

    [Fact]
    public async Task Every_file_and_folder_a_development_install_writes_is_owner_only()
    {
        await using var server = await CabinetServer.StartAsync();
        await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        var id = await ServerFixture.NewMeetingAsync(chair);
        using var uploads = await DocumentUploads.SignInAsync(server.BaseAddress, "thuky");
        Assert.NotNull((await uploads.UploadAsync(id, ScriptedPdf.Create(), "Tài liệu")).Document);

        Assert.True(File.Exists(Path.Combine(server.Options.DataPath, "pki", "cabinet-dev-ca.p12")));
        Assert.True(File.Exists(Path.Combine(server.Options.DataPath, "pki", "password")));
        PrivateFileChecks.AssertOwnerOnly(server.Options.DataPath);
    }

    [Fact]
    public async Task Production_seals_with_a_key_in_a_pkcs11_token_and_its_results_carry_the_tokens_certificate()
    {
        var folder = RepositoryPaths.NewTempFolder("production-pkcs11");
        using var issuer = CertificateAuthority.Create("Cơ quan chứng thực thử nghiệm");
        await File.WriteAllTextAsync(Path.Combine(folder, "issuer.pem"), issuer.RootPem);
        var token = SoftHsmToken.Create(); // the server inherits SOFTHSM2_CONF
        using (var organization = issuer.IssueOrganisation("Ủy ban nhân dân tỉnh Thử nghiệm", organizationId: Organization))
        using (var key = System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPrivateKey(organization.Certificate)!)
        {
            token.Import("con-dau", key, organization.Certificate, "01");
            token.AddCertificate("goc", issuer.RootCertificate, "02");
        }

        var options = await ProductionOptionsAsync(folder, issuer);
        var pinFile = Path.Combine(folder, "pin");
        await File.WriteAllTextAsync(pinFile, token.Pin + "\n");
        options = options with
        {
            ExtraArguments =
            [
                .. options.ExtraArguments.Where(a => !a.StartsWith("--Cabinet:SigningCertificate", StringComparison.Ordinal)),
                $"--Cabinet:Signing:Pkcs11:Library={SoftHsmToken.Library}", $"--Cabinet:Signing:Pkcs11:TokenLabel={token.Label}",
                $"--Cabinet:Signing:Pkcs11:PinFile={pinFile}", "--Cabinet:Signing:Pkcs11:KeyLabel=con-dau",
                $"--Cabinet:DataProtectionCertificatePath={Path.Combine(folder, "to-chuc.p12")}",
                $"--Cabinet:DataProtectionCertificatePasswordFile={Path.Combine(folder, "p12-password")}",
            ],
        };
        await using var server = await CabinetServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(issuer.RootPem.Trim(), (await http.GetStringAsync(new Uri("/api/pki/root.pem", UriKind.Relative))).Trim());

        var result = await SignedResultAsync(server);
        Assert.Contains("CABINET:" + Organization, result.SignerSubject, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "result.json"), result.DocumentJson);
        await File.WriteAllBytesAsync(Path.Combine(folder, "result.p7s"), Convert.FromBase64String(result.SignatureBase64));
        var verified = Tool.Run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(folder, "result.p7s"),
            "-content", Path.Combine(folder, "result.json"), "-CAfile", Path.Combine(folder, "issuer.pem"), "-purpose", "any", "-out", "/dev/null");
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.False(File.Exists(Path.Combine(options.DataPath, "pki", "cabinet-dev-ca.p12")), "no development CA in Production");
    }

    /// <summary>
    /// Production with the organisation's certificate and its issuing CA for people's device keys (both issued by
    /// <paramref name="issuer"/>) and a first administrator, secrets in files.
    /// </summary>
    private static async Task<CabinetServerOptions> ProductionOptionsAsync(string folder, CertificateAuthority issuer)
    {
        using var organization = issuer.IssueOrganisation("Ủy ban nhân dân tỉnh Thử nghiệm");
        var p12 = Path.Combine(folder, "to-chuc.p12");
        await File.WriteAllBytesAsync(p12, organization.ExportPkcs12("mat-khau-chung-thu"));
        await File.WriteAllTextAsync(Path.Combine(folder, "p12-password"), "mat-khau-chung-thu\n");
        using var issuing = issuer.IssueSubordinate("Cơ quan cấp chứng thư cá nhân tỉnh Thử nghiệm");
        var issuingP12 = Path.Combine(folder, "cap-chung-thu.p12");
        await File.WriteAllBytesAsync(issuingP12, issuing.ExportPkcs12("mat-khau-cap"));
        await File.WriteAllTextAsync(Path.Combine(folder, "issuing-password"), "mat-khau-cap\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "admin-password"), AdminPassword);
        await File.WriteAllBytesAsync(Path.Combine(folder, "kek"), System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        return new CabinetServerOptions
        {
            Environment = "Production",
            ExtraArguments =
            [
                $"--Cabinet:SigningCertificatePath={p12}", $"--Cabinet:SigningCertificatePasswordFile={Path.Combine(folder, "p12-password")}",
                $"--Cabinet:Signing:IssuingCaPath={issuingP12}", $"--Cabinet:Signing:IssuingCaPasswordFile={Path.Combine(folder, "issuing-password")}",
                $"--Cabinet:Encryption:KeyFile={Path.Combine(folder, "kek")}",
                $"--Cabinet:Bootstrap:OrganizationId={Organization}", "--Cabinet:Bootstrap:OrganizationName=Ủy ban nhân dân tỉnh Thử nghiệm",
                "--Cabinet:Bootstrap:AdministratorUserName=quantri.thu", $"--Cabinet:Bootstrap:AdministratorPasswordFile={Path.Combine(folder, "admin-password")}",
            ],
        };
    }

    [Fact]
    public async Task Production_over_tls_redirects_plain_http_sends_hsts_and_secure_cookies_also_behind_a_proxy()
    {
        var folder = RepositoryPaths.NewTempFolder("production-tls");
        using var issuer = CertificateAuthority.Create("Cơ quan chứng thực thử nghiệm");
        var tls = Path.Combine(folder, "tls.p12");
        using (var key = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(tls, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "tls"));
        }

        var httpsPort = FreePort.Next();
        var options = (await ProductionOptionsAsync(folder, issuer)) with { Https = (httpsPort, tls, "tls") };
        await using var server = await CabinetServer.StartAsync(options);
        var https = new Uri($"https://127.0.0.1:{httpsPort}");

        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using (var redirected = await plain.GetAsync(new Uri("/login", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
            Assert.Equal(new Uri(https, "/login"), redirected.Headers.Location);
        }

        using var secure = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
        {
            BaseAddress = https,
        };
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/login"))
        {
            request.Headers.Host = "hop.tinh-thu.gov.vn";
            using var page = await secure.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        }

        var (http, cookies) = await CookieSignIn.SignInAsync(https, "quantri.thu", AdminPassword, trustAnyCertificate: true);
        http.Dispose();
        Assert.True(cookies.GetCookies(https)["cabinet"]?.Secure, "the sign-in cookie is Secure over HTTPS");

        // Behind a reverse proxy on this machine (loopback is a known proxy): the forwarded scheme counts.
        using (var proxied = new HttpRequestMessage(HttpMethod.Get, "/login"))
        {
            proxied.Headers.Host = "hop.tinh-thu.gov.vn";
            proxied.Headers.Add("X-Forwarded-Proto", "https");
            proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
            using var page = await plain.SendAsync(proxied);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(page.Headers.Contains("Strict-Transport-Security"));
        }
    }

    /// <summary>The administrator creates the people and the meeting; three of them vote; the chair closes the poll.</summary>
    private static async Task<SignedPollResult> SignedResultAsync(CabinetServer server)
    {
        using (var admin = new HttpClient { BaseAddress = server.BaseAddress })
        {
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                await MeetingHubClient.GetTokenAsync(server.BaseAddress, "quantri.thu", AdminPassword));
            var people = new[] { "ct.chu.tich", "tk.thu.ky", "db.mot", "db.hai" }
                .Select(u => new { userName = u, displayName = $"Người {u}", position = "Thành viên", password = AdminPassword });
            Assert.Equal(System.Net.HttpStatusCode.Created, (await admin.PostAsJsonAsync(new Uri("/api/admin/users", UriKind.Relative), people)).StatusCode);
        }

        await using var administrator = await MeetingHubClient.ConnectAsync(server.BaseAddress, "quantri.thu", AdminPassword);
        var id = MeetingKey.Of(Organization, "phien-san-xuat");
        var created = await administrator.InvokeAsync(nameof(MeetingHub.CreateMeeting), id, new MeetingSetup(
            new MeetingDetails("Phiên họp đầu tiên", "Phòng họp 1", DateTimeOffset.UtcNow),
            [
                new ParticipantInvite("ct.chu.tich", MeetingRole.Chair), new ParticipantInvite("tk.thu.ky", MeetingRole.Secretary),
                new ParticipantInvite("db.mot", MeetingRole.Delegate), new ParticipantInvite("db.hai", MeetingRole.Delegate),
            ],
            [new AgendaItemInput("Nội dung 1", "", 10, "")]));
        Assert.True(created.Ok, created.Error?.Code);
        var voters = new List<BallotSigner>();
        foreach (var name in new[] { "ct.chu.tich", "db.mot", "db.hai" })
        {
            voters.Add(await BallotSigner.RegisterAsync(await MeetingHubClient.ConnectAsync(server.BaseAddress, name, AdminPassword)));
        }

        var chair = voters[0].Client;
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ScheduleMeeting), id)).Ok);
        foreach (var voter in voters)
        {
            Assert.True((await voter.Client.JoinAsync(id)).Ok);
        }

        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.OpenPoll), id,
            new MotionInput("i1", "Thông qua kế hoạch", Majority: MajorityRule.MoreThanHalfOfVotesCast))).Ok);
        var pollId = (await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!.OpenPoll!.PollId;
        foreach (var voter in voters)
        {
            Assert.True((await voter.CastAsync(id, pollId, "yes")).Ok);
        }

        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ClosePoll), id, pollId)).Ok);
        var result = (await chair.Connection.InvokeAsync<Result<SignedPollResult>>(nameof(MeetingHub.GetPollResult), id, pollId)).Value!;
        foreach (var voter in voters)
        {
            await voter.Client.DisposeAsync();
            voter.Dispose();
        }

        return result;
    }
}
