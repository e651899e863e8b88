using System.Security.Cryptography;
using System.Text;

namespace Cabinet.Web.Integration;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> + base64 HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// keyed with the base64 part of the subscription's <c>whsec_…</c> secret.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }
}
