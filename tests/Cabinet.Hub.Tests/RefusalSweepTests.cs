using System.Reflection;
using Cabinet.Errors;
using Cabinet.Meetings;
using Cabinet.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Hub.Tests;

/// <summary>
/// Every hub method, called by someone who may not (an outsider of the meeting) and on a meeting that does not exist,
/// answers with its documented result and an error code — never a dropped connection or a server error.
/// </summary>
public sealed class RefusalSweepTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>Methods about the caller's own account, not a meeting: refused for other reasons, tested elsewhere.</summary>
    private static readonly HashSet<string> NotAboutAMeeting =
        ["RegisterDevice", "RevokeDevice", "ListDevices", "ListMyMeetings", "CreateMeeting", "ListNotices", "MarkNoticesRead", "GetNoticePreferences", "SetNoticePreferences", "ListOpinionBallots"];

    public static TheoryData<string> Methods() =>
        [.. typeof(MeetingHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync") && !NotAboutAMeeting.Contains(m.Name))
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_refused_call_is_an_answer_with_a_code_and_the_connection_stays_open(string name)
    {
        var method = typeof(MeetingHub).GetMethod(name)!;
        await using var chair = await fixture.ConnectAsync("chutich");
        var meeting = await ServerFixture.NewMeetingAsync(chair);
        await using var outsider = await fixture.ConnectAsync("phumy.chutich");

        foreach (var (who, meetingId) in new[] { ("outsider", meeting), ("unknown meeting", "tinh/khong-ton-tai-" + Guid.NewGuid().ToString("N")[..8]) })
        {
            var answer = await outsider.Connection.InvokeCoreAsync(name, AnswerType(method), Arguments(method, meetingId));

            Assert.True(outsider.Connection.State == HubConnectionState.Connected, $"{name} ({who}) closed the connection");
            if (answer is not null)
            {
                var error = (CabinetError?)answer.GetType().GetProperty("Error")!.GetValue(answer);
                Assert.True(error is { Code.Length: > 0 }, $"{name} ({who}) answered without an error code");
                Assert.NotEqual("server.error", error.Code);
            }
        }

        Assert.True((await outsider.Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.GetSnapshot), meeting)).Error is not null);
    }

    private static Type AnswerType(MethodInfo method) =>
        method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : typeof(object);

    private static object?[] Arguments(MethodInfo method, string meetingId) =>
        [.. method.GetParameters().Select(object? (p) => p.ParameterType switch
        {
            var t when t == typeof(string) && p.Name == "meetingId" => meetingId,
            var t when t == typeof(string) => "p1",
            var t when t == typeof(int) => 1,
            var t when t == typeof(long) => 1L,
            var t when t == typeof(bool) => false,
            var t when t == typeof(string[]) => Array.Empty<string>(),
            var t when t == typeof(Polls.BallotSubmission) => new Polls.BallotSubmission(meetingId, "p1", "d1", ["yes"], "n", DateTimeOffset.UtcNow, "AA=="),
            var t when t.IsArray => Array.CreateInstance(t.GetElementType()!, 0),
            _ => null, // a missing record (motion, agenda item, annotation…) is malformed input: refused like any other
        })];
}
