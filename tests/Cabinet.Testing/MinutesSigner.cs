using System.Net.Http.Json;
using System.Security.Cryptography;
using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.Hub;
using Cabinet.Meetings;
using Microsoft.AspNetCore.SignalR.Client;

namespace Cabinet.Testing;

/// <summary>
/// A person's device signing the minutes as the browser does: a P-256 key registered through the hub (its certificate
/// comes from the organisation's CA), signing the DER signed attributes the server sends, r‖s as WebCrypto gives them.
/// </summary>
public sealed class MinutesSigner : IDisposable
{
    private MinutesSigner(MeetingHubClient client, ECDsa key, string deviceId) => (Client, Key, DeviceId) = (client, key, deviceId);

    public MeetingHubClient Client { get; }

    public ECDsa Key { get; }

    public string DeviceId { get; }

    public static async Task<MinutesSigner> RegisterAsync(MeetingHubClient client)
    {
        var (key, deviceId) = await BallotSigner.RegisterKeyAsync(client, "Thiết bị ký biên bản");
        return new MinutesSigner(client, key, deviceId);
    }

    public Task<Result<MinutesSigningChallenge>> BeginAsync(string meetingId) =>
        Client.Connection.InvokeAsync<Result<MinutesSigningChallenge>>(nameof(MeetingHub.BeginMinutesSignature), meetingId, DeviceId);

    public string SignatureOver(byte[] bytes) =>
        Convert.ToBase64String(Key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public Task<CommandResult> CompleteAsync(string meetingId, string signatureBase64) =>
        Client.InvokeAsync(nameof(MeetingHub.CompleteMinutesSignature), meetingId, signatureBase64);

    /// <summary>Both round-trips: begin, sign what the server sent, complete.</summary>
    public Task<CommandResult> SignAsync(string meetingId) =>
        SignAsync(nameof(MeetingHub.BeginMinutesSignature), nameof(MeetingHub.CompleteMinutesSignature), meetingId);

    /// <summary>Both round-trips on an opinion ballot's consolidated report (the same flow as the minutes).</summary>
    public Task<CommandResult> SignOpinionReportAsync(string ballotId) =>
        SignAsync(nameof(MeetingHub.BeginOpinionReportSignature), nameof(MeetingHub.CompleteOpinionReportSignature), ballotId);

    private async Task<CommandResult> SignAsync(string begin, string complete, string id)
    {
        var challenge = await Client.Connection.InvokeAsync<Result<MinutesSigningChallenge>>(begin, id, DeviceId);
        return challenge.Ok
            ? await Client.InvokeAsync(complete, id, SignatureOver(Convert.FromBase64String(challenge.Value!.SignedAttributesBase64)))
            : CommandResult.Refused(challenge.Error!, 0);
    }

    /// <summary>
    /// Takes a closed meeting whose rules allow no review through the rest: the secretary signs, the chair signs,
    /// the secretary applies the seal as clerk. Each step only if not done yet, so it resumes after a restart.
    /// </summary>
    public static async Task<MeetingSnapshot> SignAndSealAsync(Uri server, string meetingId, string secretary = "thuky", string chair = "chutich",
        string password = MeetingHubClient.DemoPassword)
    {
        await using var secretaryClient = await MeetingHubClient.ConnectAsync(server, secretary, password);
        await using var chairClient = await MeetingHubClient.ConnectAsync(server, chair, password);
        Require((await secretaryClient.JoinAsync(meetingId)).Error);
        var drafted = await secretaryClient.WaitForAsync(s => s.Minutes is not null, TimeSpan.FromSeconds(60));
        if (drafted.Minutes!.Signatures.Length < drafted.Minutes.Signatories.Length)
        {
            foreach (var (client, userName) in new[] { (secretaryClient, secretary), (chairClient, chair) })
            {
                var now = secretaryClient.Snapshot!.Minutes!;
                if (now.NextSignatory?.UserName == userName)
                {
                    using var device = await RegisterAsync(client);
                    Require((await device.SignAsync(meetingId)).Error);
                    await secretaryClient.WaitForAsync(s => s.Minutes!.Signatures.Any(g => g.UserName == userName));
                }
            }
        }

        if (secretaryClient.Snapshot!.Minutes!.SealedAt is null)
        {
            Require((await secretaryClient.InvokeAsync(nameof(MeetingHub.SealMinutes), meetingId)).Error);
        }

        return await secretaryClient.WaitForAsync(s => s.Archive is not null, TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Sets how long the draft minutes of <paramref name="organization"/>'s meetings scheduled from now on are reviewed
    /// (the other rules as a People's Committee has them), as its administrator does.
    /// </summary>
    public static async Task SetReviewHoursAsync(Uri server, int hours, string organization = "tinh", string administrator = "quantri",
        string password = MeetingHubClient.DemoPassword)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await MeetingHubClient.GetTokenAsync(server, administrator, password));
        var rules = new
        {
            quorum = new { numerator = 2, denominator = 3 }, majority = new { kind = "moreThanHalfOfMembers" }, deputiesVote = false, reviewHours = hours,
        };
        using var response = await http.PutAsJsonAsync(new Uri($"/api/admin/organizations/{organization}/meeting-rules", UriKind.Relative), rules);
        response.EnsureSuccessStatusCode();
    }

    private static void Require(CabinetError? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"{error.Code}: {error.Message}");
        }
    }

    public void Dispose() => Key.Dispose();
}
