using System.Net;
using System.Text;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Notices;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using MimeKit;

namespace Cabinet.Hub.Tests;

/// <summary>Notices against real processes: an SMTP server (aiosmtpd), an SMS gateway that fails once, reminders across a restart.</summary>
public sealed class NoticeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_invitation_reaches_a_real_SMTP_server_in_Vietnamese_with_its_ics_file()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments = [.. smtp.Arguments, "--Cabinet:PublicBaseUrl=https://hop.example.vn"],
        });
        await using var delegate1 = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1");
        Assert.True((await SetPreferencesAsync(delegate1, new NoticePreferences(true, false, "daibieu1@example.vn", null))).Ok);
        await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");

        var start = new DateTimeOffset(2030, 3, 14, 2, 30, 0, TimeSpan.Zero);
        var id = await ScheduleAsync(chair, "Họp thường kỳ tháng 3", start);

        byte[] raw;
        try
        {
            raw = await WaitUntilAsync(() => smtp.Messages().FirstOrDefault(), "the invitation e-mail");
        }
        catch (TimeoutException)
        {
            var deliveries = (await ListAsync(delegate1)).Items.SelectMany(n => n.Deliveries).Select(d => $"{d.Channel} {d.Status} {d.Attempts} {d.Reason}");
            throw new TimeoutException(string.Join("\n", deliveries) + "\n" + server.Output[^Math.Min(4000, server.Output.Length)..]);
        }

        using var message = await MimeMessage.LoadAsync(new MemoryStream(raw));
        Assert.Equal("Giấy mời họp: Họp thường kỳ tháng 3", message.Subject);
        Assert.Equal("daibieu1@example.vn", message.To.Mailboxes.Single().Address);
        Assert.Contains("Thời gian: 14/03/2030 09:30 (giờ Việt Nam)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Địa điểm: Phòng họp số 1", message.TextBody, StringComparison.Ordinal);
        Assert.True(message.TextBody!.Contains($"https://hop.example.vn/meetings/{id}", StringComparison.Ordinal), message.TextBody);
        var ics = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var icsText = new MemoryStream();
        await ics.Content!.DecodeToAsync(icsText);
        var calendar = Encoding.UTF8.GetString(icsText.ToArray());
        Assert.Contains("METHOD:REQUEST", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20300314T023000Z", calendar, StringComparison.Ordinal);

        var page = await WaitForAsync(async () =>
        {
            var listed = await ListAsync(delegate1);
            return listed.Items.Any(n => n.Notice.Link.EndsWith(id, StringComparison.Ordinal) && n.Deliveries.Any(d => d.Status == DeliveryStatus.Sent)) ? listed : null;
        }, "the delivery recorded as sent");
        var invitation = Assert.Single(page.Items, n => n.Notice.Link.EndsWith(id, StringComparison.Ordinal));
        Assert.Equal(NoticeKinds.MeetingInvitation, invitation.Notice.Kind);
        Assert.Equal(1, Assert.Single(invitation.Deliveries).Attempts);
    }

    [Fact]
    public async Task A_failing_SMS_gateway_is_retried_and_the_status_shows_the_retry()
    {
        var gatewayPort = FreePort.Next();
        var requests = new List<string>();
        await using var gateway = new LoopbackHttpServer($"http://127.0.0.1:{gatewayPort}", async context =>
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (requests)
            {
                requests.Add(body);
                context.Response.StatusCode = requests.Count == 1 ? 500 : 200;
            }
        });
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments =
            [
                $"--Cabinet:Sms:Url=http://127.0.0.1:{gatewayPort}/sms", "--Cabinet:Sms:ContentType=application/json",
                "--Cabinet:Sms:BodyTemplate={\"to\":\"{phone}\",\"message\":\"{text}\"}", "--Cabinet:Notifications:RetrySeconds:0=1",
            ],
        });
        await using var delegate1 = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1");
        Assert.Equal("contact.phone_invalid", (await SetPreferencesAsync(delegate1, new NoticePreferences(false, true, null, "12ab"))).Error?.Code);
        Assert.Equal("contact.email_invalid", (await SetPreferencesAsync(delegate1, new NoticePreferences(true, true, "Ai <a@b.vn>", null))).Error?.Code);
        Assert.Equal("notice.not_found", (await delegate1.Connection.InvokeAsync<Result<int>>(nameof(MeetingHub.MarkNoticesRead), "khong-co")).Error?.Code);
        Assert.Equal("input.invalid", (await delegate1.Connection.InvokeAsync<Result<NoticePage>>(nameof(MeetingHub.ListNotices), 0, 0)).Error?.Code);
        Assert.True((await SetPreferencesAsync(delegate1, new NoticePreferences(false, true, null, "+84 912 345 678"))).Ok);
        await using var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");

        await ScheduleAsync(chair, "Họp \"khẩn\" về ngân sách", DateTimeOffset.UtcNow.AddDays(3));

        var sms = await WaitForAsync(async () =>
            (await ListAsync(delegate1)).Items.SelectMany(n => n.Deliveries).FirstOrDefault(d => d.Status == DeliveryStatus.Sent), "the text message sent");
        Assert.Equal(2, sms.Attempts);
        string[] bodies;
        lock (requests)
        {
            bodies = [.. requests];
        }

        Assert.Equal(2, bodies.Length);
        using var json = System.Text.Json.JsonDocument.Parse(bodies[1]);
        Assert.Equal("+84912345678", json.RootElement.GetProperty("to").GetString());
        Assert.StartsWith("Giấy mời họp: Họp \"khẩn\" về ngân sách", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_fires_after_a_restart_in_embedded_mode_once_per_person()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments = [.. smtp.Arguments, "--Cabinet:Notifications:ReminderLeadMinutes:0=1"],
        });
        try
        {
            await using (var delegate1 = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1"))
            {
                Assert.True((await SetPreferencesAsync(delegate1, new NoticePreferences(true, false, "daibieu1@example.vn", null))).Ok);
            }

            await using (var chair = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich"))
            {
                // The one-minute reminder is due 25 seconds from now: after the restart.
                await ScheduleAsync(chair, "Họp nhắc lịch", DateTimeOffset.UtcNow.AddSeconds(85));
            }

            await server.StopAsync();
            // The reminder table names the meeting: it is sealed at rest like everything else.
            var table = await File.ReadAllBytesAsync(Path.Combine(server.Options.DataPath, "reminders.json"));
            Assert.True(table is [0x89, (byte)'C', (byte)'B', (byte)'E', ..], "reminders.json is stored in the clear (no envelope)");
            server = await server.StartAgainAsync();

            await using var again = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1");
            var reminder = await WaitForAsync(async () =>
                (await ListAsync(again)).Items.FirstOrDefault(n => n.Notice.Kind == NoticeKinds.MeetingReminder), "the reminder after the restart");
            Assert.StartsWith("Nhắc lịch họp: Họp nhắc lịch", reminder.Notice.Title, StringComparison.Ordinal);
            // The invitation's e-mail may still have been in the outbox at the stop: it goes out after the restart too.
            await WaitUntilAsync(() => Subjects(smtp) is { Count: >= 2 } subjects ? subjects : null, "the invitation and reminder e-mails");
            Assert.Single(Subjects(smtp), s => s.StartsWith("Nhắc lịch họp", StringComparison.Ordinal));
            Assert.Single(Subjects(smtp), s => s.StartsWith("Giấy mời họp", StringComparison.Ordinal));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_reminder_fires_once_per_person_when_one_of_two_Redis_hosts_is_killed()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        string[] settings = [.. smtp.Arguments, "--Cabinet:Notifications:ReminderLeadMinutes:0=1"];
        var first = CabinetServerOptions.OnRedis(redis.ConnectionString);
        var second = CabinetServerOptions.OnRedis(redis.ConnectionString, first: false);
        await using var host1 = await CabinetServer.StartAsync(first with { ExtraArguments = [.. first.ExtraArguments, .. settings] });
        await using var host2 = await CabinetServer.StartAsync(second with { ExtraArguments = [.. second.ExtraArguments, .. settings] });
        await using (var delegate1 = await MeetingHubClient.ConnectAsync(host1.BaseAddress, "daibieu1"))
        {
            Assert.True((await SetPreferencesAsync(delegate1, new NoticePreferences(true, false, "daibieu1@example.vn", null))).Ok);
        }

        string id;
        await using (var chair = await MeetingHubClient.ConnectAsync(host1.BaseAddress, "chutich"))
        {
            // The one-minute reminder is due 25 seconds from now, after host 1 (where the meeting was made) is gone.
            id = await ScheduleAsync(chair, "Họp hai máy chủ", DateTimeOffset.UtcNow.AddSeconds(85));
        }

        // Signed in before the kill: until the cluster declares host 1 dead, calls to grains it held wait.
        await using var survivor = await MeetingHubClient.ConnectAsync(host2.BaseAddress, "daibieu1", signInAt: host2.BaseAddress);
        host1.Kill();

        var patience = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < patience && !Subjects(smtp).Any(s => s.StartsWith("Nhắc lịch họp: Họp hai máy chủ", StringComparison.Ordinal)))
        {
            await Task.Delay(500);
        }

        Assert.Single(Subjects(smtp), s => s.StartsWith("Nhắc lịch họp: Họp hai máy chủ", StringComparison.Ordinal));
        var reminders = (await ListAsync(survivor)).Items.Where(n => n.Notice.Kind == NoticeKinds.MeetingReminder && n.Notice.Link.EndsWith(id, StringComparison.Ordinal));
        Assert.Single(reminders);
    }

    [Fact]
    public async Task A_vote_open_reminder_reaches_once_the_voter_who_is_away_and_has_not_voted()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments = [.. smtp.Arguments, "--Cabinet:Notifications:VoteOpenReminderMinutes=0.05"],   // three seconds
        });
        await using var away = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu2");
        Assert.True((await SetPreferencesAsync(away, new NoticePreferences(true, false, "daibieu2@example.vn", null))).Ok);

        // Every member may vote (also from elsewhere); the chair stays on the meeting's page, daibieu2 is not on it.
        await using var chairClient = await MeetingHubClient.ConnectAsync(server.BaseAddress, "chutich");
        await using var voterClient = await MeetingHubClient.ConnectAsync(server.BaseAddress, "daibieu1");
        var id = await ServerFixture.NewMeetingAsync(chairClient);
        Assert.True((await chairClient.JoinAsync(id)).Ok);
        Assert.True((await voterClient.JoinAsync(id)).Ok);
        using var voter = await BallotSigner.RegisterAsync(voterClient);
        Assert.True((await chairClient.InvokeAsync(nameof(MeetingHub.OpenMeeting), id)).Ok);

        // A poll closed before its reminder is due: nothing. The next one stays open: daibieu1 votes, daibieu2 is reminded.
        var closedPoll = await OpenPollAsync(chairClient, id, "Thông qua danh mục dự án");
        Assert.True((await chairClient.InvokeAsync(nameof(MeetingHub.ClosePoll), id, closedPoll)).Ok);
        var openPoll = await OpenPollAsync(chairClient, id, "Thông qua kế hoạch vốn");
        Assert.True((await voter.CastAsync(id, openPoll, "yes")).Ok);
        // daibieu1 voted and leaves the page: away, but not reminded (the poll knows who voted).
        Assert.True((await voterClient.InvokeAsync(nameof(MeetingHub.LeaveMeeting), id)).Ok);

        var mail = await WaitUntilAsync(() => Subjects(smtp).FirstOrDefault(s => s.StartsWith("Đang biểu quyết", StringComparison.Ordinal)), "the vote-open e-mail");
        Assert.Equal("Đang biểu quyết: Thông qua kế hoạch vốn", mail);
        var notice = Assert.Single((await ListAsync(away)).Items, n => n.Notice.Kind == NoticeKinds.VoteOpen).Notice;   // the closed poll's was never sent
        Assert.Equal($"{NoticeKinds.VoteOpen}/{id}/{openPoll}", notice.Id);
        Assert.Contains("Bạn chưa biểu quyết", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain((await ListAsync(voterClient)).Items, n => n.Notice.Kind == NoticeKinds.VoteOpen);   // voted, then away
        Assert.DoesNotContain((await ListAsync(chairClient)).Items, n => n.Notice.Kind == NoticeKinds.VoteOpen);   // on the page
        Assert.Single(Subjects(smtp), s => s.StartsWith("Đang biểu quyết", StringComparison.Ordinal));
    }

    private static async Task<string> OpenPollAsync(MeetingHubClient chair, string id, string title)
    {
        var opened = await chair.InvokeAsync(nameof(MeetingHub.OpenPoll), id,
            new Polls.MotionInput("i1", title, Eligibility: Voting.Voters.EligibilityPolicy.AllMembers, ConfirmWithoutQuorum: true));
        Assert.True(opened.Ok, opened.Error?.Code);
        return (await chair.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), id)).Value!.OpenPoll!.PollId;
    }

    private static List<string> Subjects(SmtpServer smtp) => [.. smtp.Messages().Select(m => MimeMessage.Load(new MemoryStream(m)).Subject ?? "")];

    private static Task<CommandResult> SetPreferencesAsync(MeetingHubClient client, NoticePreferences preferences) =>
        client.Connection.InvokeAsync<CommandResult>(nameof(MeetingHub.SetNoticePreferences), preferences);

    private static async Task<NoticePage> ListAsync(MeetingHubClient client)
    {
        var page = await client.Connection.InvokeAsync<Result<NoticePage>>(nameof(MeetingHub.ListNotices), 0, NoticePage.MaxSize);
        Assert.True(page.Ok, page.Error?.Code);
        return page.Value!;
    }

    private static async Task<string> ScheduleAsync(MeetingHubClient chair, string title, DateTimeOffset start)
    {
        var id = MeetingKey.Of("tinh", $"tb-{Guid.NewGuid():N}"[..24]);
        var setup = new MeetingSetup(
            new MeetingDetails(title, "Phòng họp số 1", start),
            [new ParticipantInvite("chutich", MeetingRole.Chair), new ParticipantInvite("thuky", MeetingRole.Secretary), new ParticipantInvite("daibieu1", MeetingRole.Delegate)],
            [new AgendaItemInput("Nội dung 1", "Văn phòng", 10, "")]);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.CreateMeeting), id, setup)).Ok);
        Assert.True((await chair.InvokeAsync(nameof(MeetingHub.ScheduleMeeting), id)).Ok);
        return id;
    }

    private static Task<T> WaitUntilAsync<T>(Func<T?> probe, string what) => WaitForAsync(() => Task.FromResult(probe()), what);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Waited in vain for {what}.");
    }
}
