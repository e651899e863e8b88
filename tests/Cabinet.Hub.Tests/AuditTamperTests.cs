using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cabinet.Testing;

namespace Cabinet.Hub.Tests;

/// <summary>The audit log's journal on disk, sealed: an entry altered there is found, with its sequence.</summary>
public sealed class AuditTamperTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task An_entry_altered_in_the_journal_breaks_the_chain_at_that_entry()
    {
        var server = fixture.Server.BaseAddress;
        using (await AccountSteps.TokenResponseAsync(server, "daibieu7", "mat-khau-sai-de-ghi-nhat-ky", forwardedFor: "192.0.2.44"))
        {
        }

        var entry = (await AccountSteps.AuditAsync(server, "auth.sign_in_failed", "daibieu7")).Single();
        var admin = await MeetingHubClient.GetTokenAsync(server, "quantri");
        Assert.True((await VerifyAsync(server, admin)).GetProperty("intact").GetBoolean());

        var segment = Path.Combine(fixture.Server.Options.DataPath, "audit", "security", "log", "000000000001.jsonl");
        var lines = await File.ReadAllLinesAsync(segment);
        Assert.DoesNotContain(lines, l => l.Contains("192.0.2.44", StringComparison.Ordinal)); // sealed at rest
        var line = (int)entry.Sequence - 1; // entry n is line n of the first segment
        var at = System.Text.Encoding.UTF8.GetByteCount(string.Concat(lines[..line].Select(l => l + "\n"))) + (lines[line].Length / 2);
        await using (var file = new FileStream(segment, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            // Someone alters the entry's ciphertext in place (still valid base64), while Cabinet keeps appending after it.
            file.Position = at;
            file.WriteByte(lines[line][lines[line].Length / 2] == 'A' ? (byte)'B' : (byte)'A');
        }

        var verification = await VerifyAsync(server, admin);
        Assert.False(verification.GetProperty("intact").GetBoolean());
        Assert.Equal(entry.Sequence, verification.GetProperty("faultSequence").GetInt64());
    }

    private static async Task<JsonElement> VerifyAsync(Uri server, string admin)
    {
        using var response = await AccountSteps.SendAsync(server, HttpMethod.Get, "/api/admin/audit/verify", admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
