using System.Security.Cryptography;
using System.Text;

namespace Cabinet.People;

/// <summary>
/// An app's refresh token, <c>user.session.generation.proof</c>: the proof is an HMAC of the session and generation
/// under the session's own key, so the server keeps one key per family, recognises every token it ever issued, and
/// tells the current one from a copy of an older one.
/// </summary>
public sealed record RefreshToken(string UserName, string SessionId, long Generation, string Proof)
{
    public const int MaxLength = 200;

    public static RefreshToken Issue(string userName, string sessionId, long generation, byte[] key) =>
        new(userName, sessionId, generation, ProofOf(sessionId, generation, key));

    public static RefreshToken? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return null;
        }

        var parts = text.Split('.');
        return parts.Length >= 4 && long.TryParse(parts[^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var generation)
            ? new RefreshToken(string.Join('.', parts[..^3]), parts[^3], generation, parts[^1])
            : null;
    }

    public bool IsProvedBy(byte[] key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ProofOf(SessionId, Generation, key)), Encoding.ASCII.GetBytes(Proof));

    public override string ToString() => $"{UserName}.{SessionId}.{Generation}.{Proof}";

    private static string ProofOf(string sessionId, long generation, byte[] key) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{sessionId}.{generation}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
