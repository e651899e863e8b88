using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bogus;

namespace Cabinet.Bench;

/// <summary>
/// The simulated delegates: created through the administrator's <c>POST /api/admin/users</c> (as <c>quantri</c>),
/// with generated Vietnamese names, each then signed in through <c>/api/auth/token</c> like an app.
/// </summary>
public static class BenchAccounts
{
    public const string Password = "Cabinet@2026";
    // Each account is a deliberate PBKDF2 on the server, all of a request's at once: 250 a request overran Orleans' 30 s
    // response timeout on a busy 2-core machine.
    private const int Batch = 50;

    private static readonly string[] Positions =
    [
        "Giám đốc Sở", "Phó Giám đốc Sở", "Chánh Thanh tra tỉnh", "Trưởng phòng", "Chuyên viên", "Chủ tịch UBND xã", "Phó Chủ tịch UBND xã",
    ];

    /// <summary>Delegates b0001, b0002, … with generated Vietnamese names and positions, the same on every run.</summary>
    public static IReadOnlyList<BenchAccount> Generate(int count)
    {
        var faker = new Faker("vi") { Random = new Randomizer(2026) };
        return [.. Enumerable.Range(1, count).Select(i => new BenchAccount(
            string.Create(CultureInfo.InvariantCulture, $"b{i:0000}"),
            $"{faker.Name.LastName()} {faker.Name.FirstName()}",
            faker.PickRandom(Positions)))];
    }

    public static async Task CreateAsync(HttpClient http, string adminToken, IReadOnlyList<BenchAccount> accounts)
    {
        foreach (var batch in accounts.Chunk(Batch))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users")
            {
                Content = JsonContent.Create(batch.Select(a => new { a.UserName, a.DisplayName, a.Position, Password })),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Creating accounts failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>Signs every account in (a few at a time: each sign-in is a deliberate PBKDF2 on the server).</summary>
    public static async Task SignInAllAsync(HttpClient http, IEnumerable<BenchAccount> accounts)
    {
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (account, ct) =>
            account.Token = await SignInAsync(http, account.UserName, ct));
    }

    public static async Task<string> SignInAsync(HttpClient http, string userName, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName, password = Password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Token>(cancellationToken))!.AccessToken;
    }

    private sealed record Token(string AccessToken);
}
