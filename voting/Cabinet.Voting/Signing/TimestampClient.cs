using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// Asks an RFC 3161 timestamp authority to vouch that a hash existed now. Every answer is checked (status, nonce, the
/// hash it covers, the TSA's signature) before it is used; anything else is a <see cref="TimestampUnavailableException"/>.
/// </summary>
public sealed class TimestampClient(HttpClient http, Uri url, string? user = null, string? password = null)
{
    private const int MaxReplyBytes = 64 * 1024;

    public Uri Url { get; } = url;

    /// <returns>The timestamp token (DER ContentInfo) over the SHA-256 <paramref name="sha256"/>.</returns>
    public async Task<Rfc3161TimestampToken> StampHashAsync(byte[] sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var request = Rfc3161TimestampRequest.CreateFromHash(sha256, HashAlgorithmName.SHA256,
            nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        byte[] reply;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent(request.Encode()) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            if (user is not null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
            }

            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new TimestampUnavailableException($"the timestamp authority {Url} answered {(int)response.StatusCode}");
            }

            reply = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new TimestampUnavailableException($"the timestamp authority {Url} did not answer ({e.Message})", e);
        }

        try
        {
            var token = request.ProcessResponse(reply, out _);
            if (!token.VerifySignatureForHash(sha256, HashAlgorithmName.SHA256, out _, []))
            {
                throw new TimestampUnavailableException($"the timestamp from {Url} is not signed by a certificate it carries");
            }

            return token;
        }
        catch (CryptographicException e)
        {
            throw new TimestampUnavailableException($"the timestamp authority {Url} answered something unusable ({e.Message})", e);
        }
    }

    /// <summary>The certificates a token carries: the TSA's and, when it sends them, its issuers.</summary>
    public static X509Certificate2Collection CertificatesOf(Rfc3161TimestampToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.AsSignedCms().Certificates;
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxReplyBytes)
            {
                throw new TimestampUnavailableException($"the timestamp reply is larger than {MaxReplyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
