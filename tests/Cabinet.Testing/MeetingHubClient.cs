using System.Collections.Immutable;
using System.Net.Http.Json;
using Cabinet.Documents;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Meetings;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Cabinet.Testing;

/// <summary>
/// A real SignalR client of the public hub API, signed in with a bearer token like a mobile app or integration.
/// It keeps the joined meeting's snapshot current exactly as docs/protocol.md tells clients to: apply the next
/// version, catch up on a gap, ignore what it already has.
/// </summary>
public sealed class MeetingHubClient : IAsyncDisposable
{
    public const string DemoPassword = "Cabinet@2026";

    private readonly SemaphoreSlim _apply = new(1, 1);
    private readonly List<MeetingEvent> _received = [];

    private MeetingHubClient(HubConnection connection, string userName)
    {
        (Connection, UserName) = (connection, userName);
        connection.On<MeetingEvent>(nameof(IMeetingClient.MeetingEvent), OnEventAsync);
        connection.On<string, long>(nameof(IMeetingClient.MeetingVersion), (_, version) => CatchUpIfBehindAsync(version));
    }

    public HubConnection Connection { get; }

    public string UserName { get; }

    public MeetingSnapshot? Snapshot { get; private set; }

    /// <summary>Raised after each applied change, with the time it was applied.</summary>
    public event Action<MeetingEvent, DateTimeOffset>? Applied;

    public IReadOnlyList<MeetingEvent> Received { get { lock (_received) { return [.. _received]; } } }

    public static async Task<string> GetTokenAsync(Uri baseAddress, string userName, string password = DemoPassword)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName, password });
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized
            && await response.Content.ReadFromJsonAsync<SecondFactorChallenge>() is { Code: "auth.mfa_required" } asked)
        {
            return (await CompleteSecondFactorAsync(http, baseAddress, userName, asked)).AccessToken;
        }

        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    /// <summary>
    /// The token flow's second step, as an app does it: enrols with the secret offered (remembered in
    /// <see cref="SecondFactorCodes"/>) or uses the one remembered, and sends the next code.
    /// </summary>
    public static async Task<TokenResponse> CompleteSecondFactorAsync(HttpClient http, Uri baseAddress, string userName, SecondFactorChallenge asked)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(asked);
        if (asked.Enrolment is { } enrolment)
        {
            SecondFactorCodes.Remember(baseAddress, userName, enrolment.Secret);
        }

        using var completed = await http.PostAsJsonAsync(new Uri("/api/auth/token/mfa", UriKind.Relative),
            new { challenge = asked.Challenge, code = await SecondFactorCodes.NextAsync(baseAddress, userName) });
        completed.EnsureSuccessStatusCode();
        return (await completed.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    /// <param name="signInAt">Where to get the token, when not from the host connected to (tokens are valid cluster-wide).</param>
    public static async Task<MeetingHubClient> ConnectAsync(Uri baseAddress, string userName, string password = DemoPassword, Uri? signInAt = null)
    {
        var token = await GetTokenAsync(signInAt ?? baseAddress, userName, password);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, MeetingHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var client = new MeetingHubClient(connection, userName);
        await connection.StartAsync();
        return client;
    }

    public async Task<Result<MeetingSnapshot>> JoinAsync(string meetingId)
    {
        var joined = await Connection.InvokeAsync<Result<MeetingSnapshot>>(nameof(MeetingHub.JoinMeeting), meetingId);
        if (joined.Ok)
        {
            await _apply.WaitAsync();
            Snapshot = Snapshot is { } s && s.Version >= joined.Value!.Version ? s : joined.Value;
            _apply.Release();
        }

        return joined;
    }

    /// <summary>
    /// Every annotation on the document this person sees, read page after page as docs/protocol.md describes (the first
    /// refusal ends it); each page is also added to <paramref name="pages"/> when given.
    /// </summary>
    public Task<Result<ImmutableArray<AnnotationView>>> ListAnnotationsAsync(string meetingId, string documentId, int count = AnnotationPage.MaxItems, List<AnnotationPage>? pages = null) =>
        ReadPagesAsync(after => Connection.InvokeAsync<Result<AnnotationPage>>(nameof(MeetingHub.ListAnnotations), meetingId, documentId, after, count),
            page => (page.Items, page.NextAfter), pages);

    /// <summary>The whole room list, read page after page as docs/protocol.md describes (the first refusal ends it).</summary>
    public Task<Result<ImmutableArray<RosterEntry>>> ListParticipantsAsync(string meetingId, int count = RosterPage.MaxItems, List<RosterPage>? pages = null) =>
        ReadPagesAsync(after => Connection.InvokeAsync<Result<RosterPage>>(nameof(MeetingHub.ListParticipants), meetingId, after, count),
            page => (page.Items, page.NextAfter), pages);

    /// <summary>Pages by an "after" cursor until the cursor is null; the first refusal ends it.</summary>
    private static async Task<Result<ImmutableArray<TItem>>> ReadPagesAsync<TPage, TItem>(
        Func<string?, Task<Result<TPage>>> read, Func<TPage, (ImmutableArray<TItem> Items, string? NextAfter)> parts, List<TPage>? pages)
    {
        var all = ImmutableArray.CreateBuilder<TItem>();
        string? after = null;
        do
        {
            var page = await read(after);
            if (!page.Ok)
            {
                return Result<ImmutableArray<TItem>>.Refused(page.Error!);
            }

            pages?.Add(page.Value!);
            var (items, next) = parts(page.Value!);
            all.AddRange(items);
            after = next;
        }
        while (after is not null);

        return Result<ImmutableArray<TItem>>.Of(all.ToImmutable());
    }

    /// <summary>Whether the room list shows <paramref name="userName"/> connected now.</summary>
    public async Task<bool> SeesConnectedAsync(string meetingId, string userName) =>
        (await ListParticipantsAsync(meetingId)).Value is { } room && room.Any(e => e.Participant.UserName == userName && e.Presence?.Connected == true);

    public Task<CommandResult> InvokeAsync(string method, params object?[] arguments) =>
        Connection.InvokeCoreAsync<CommandResult>(method, arguments);

    /// <summary>Waits until the snapshot satisfies <paramref name="condition"/>.</summary>
    public async Task<MeetingSnapshot> WaitForAsync(Func<MeetingSnapshot, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (Snapshot is { } s && condition(s))
            {
                return s;
            }

            if (Connection.State == HubConnectionState.Disconnected)
            {
                // Nothing more can arrive (these clients do not reconnect): say so now, not at the deadline.
                throw new InvalidOperationException($"{UserName}: the connection closed before the condition was met; last version {Snapshot?.Version}");
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{UserName}: condition not met; last version {Snapshot?.Version}");
    }

    private async Task OnEventAsync(MeetingEvent e)
    {
        lock (_received)
        {
            _received.Add(e);
        }

        await _apply.WaitAsync();
        try
        {
            if (Snapshot is not { } s || e.MeetingId != s.MeetingId || e.Version <= s.Version)
            {
                return;
            }

            if (e.Version == s.Version + 1)
            {
                Snapshot = s.Apply(e);
                Applied?.Invoke(e, DateTimeOffset.UtcNow);
            }
            else
            {
                await CatchUpAsync(s);
            }
        }
        finally
        {
            _apply.Release();
        }
    }

    private async Task CatchUpIfBehindAsync(long version)
    {
        await _apply.WaitAsync();
        try
        {
            if (Snapshot is { } s && version > s.Version)
            {
                await CatchUpAsync(s);
            }
        }
        finally
        {
            _apply.Release();
        }
    }

    private async Task CatchUpAsync(MeetingSnapshot s)
    {
        var catchUp = await Connection.InvokeAsync<Result<CatchUp>>(nameof(MeetingHub.GetEventsSince), s.MeetingId, s.Version);
        if (catchUp.Ok)
        {
            Snapshot = catchUp.Value!.Snapshot ?? catchUp.Value.Events.Aggregate(s, (x, e) => e.Version == x.Version + 1 ? x.Apply(e) : x);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _apply.Dispose();
    }

    public sealed record TokenResponse(string AccessToken, string? RefreshToken = null, IReadOnlyList<string>? RecoveryCodes = null);

    /// <summary>The answer <c>auth.mfa_required</c> of the token endpoint.</summary>
    public sealed record SecondFactorChallenge(string Code, string Challenge, SecondFactorOffer? Enrolment);

    public sealed record SecondFactorOffer(string Secret, string Uri);
}
