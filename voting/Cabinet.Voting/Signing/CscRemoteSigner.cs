using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Cabinet.Voting.Signing;

/// <summary>
/// Signs with a key held by a remote signing service speaking the Cloud Signature Consortium API v2
/// (credentials/info for the certificate chain, signatures/signHash for one raw RSA signature over the hash of the
/// signed attributes); the CMS is built here around that signature.
/// </summary>
public sealed class CscRemoteSigner : IDocumentSigner, IDisposable
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    private const string Sha256WithRsaOid = "1.2.840.113549.1.1.11";
    private const int MaxAnswerBytes = 256 * 1024;
    private readonly HttpClient _http;
    private readonly Uri _service;
    private readonly string _credentialId;
    private readonly string? _sad;

    private CscRemoteSigner(HttpClient http, Uri service, string credentialId, string? sad, X509Certificate2 certificate, List<X509Certificate2> chain)
    {
        (_http, _service, _credentialId, _sad) = (http, service, credentialId, sad);
        Certificate = certificate;
        Chain = chain;
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    /// <param name="service">The API's base, ending in "/" (e.g. https://ky-so.example.vn/csc/v2/).</param>
    /// <param name="http">Carries the service's authorisation (e.g. a bearer token) in its default headers.</param>
    /// <param name="sad">The Signature Activation Data, when the credential asks for one.</param>
    public static async Task<CscRemoteSigner> ConnectAsync(HttpClient http, Uri service, string credentialId, string? sad = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(credentialId);
        var info = await PostAsync(http, new Uri(service, "credentials/info"),
            new JsonObject { ["credentialID"] = credentialId, ["certificates"] = "chain" }, cancellationToken).ConfigureAwait(false);
        var encoded = info["cert"]?["certificates"]?.AsArray().Select(c => Convert.FromBase64String(c!.GetValue<string>())).ToList();
        if (encoded is not { Count: > 0 })
        {
            throw new CryptographicException("The signing service sent no certificate for the credential.");
        }

        var certificates = encoded.Select(X509CertificateLoader.LoadCertificate).ToList();
        if (certificates[0].GetRSAPublicKey() is not { } rsa)
        {
            throw new CryptographicException("Only RSA credentials are supported by the remote signer.");
        }

        rsa.Dispose();
        return new CscRemoteSigner(http, service, credentialId, sad, certificates[0], certificates[1..]);
    }

    /// <remarks>
    /// .NET's CMS code asks for the signature synchronously and checks it against the certificate at once, so the
    /// service is called from inside it, on a pool thread (never the caller's, which may be a grain's).
    /// </remarks>
    public Task<byte[]> SignAsync(ReadOnlyMemory<byte> content, CmsProfile profile, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var remote = DelegatedKeys.For(Certificate, hash => SignHash(hash, cancellationToken));
            return CmsDetachedSignature.Sign(content.Span, Certificate, remote, Chain, profile, DateTimeOffset.UtcNow);
        }, cancellationToken);

    private byte[] SignHash(byte[] hash, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["credentialID"] = _credentialId, ["hashes"] = new JsonArray(Convert.ToBase64String(hash)),
            ["hashAlgorithmOID"] = Sha256Oid, ["signAlgo"] = Sha256WithRsaOid,
        };
        if (_sad is not null)
        {
            request["SAD"] = _sad;
        }

        var answer = PostAsync(_http, new Uri(_service, "signatures/signHash"), request, cancellationToken).GetAwaiter().GetResult();
        return answer["signatures"]?.AsArray().FirstOrDefault()?.GetValue<string>() is { } signature
            ? Convert.FromBase64String(signature)
            : throw new CryptographicException("The signing service answered without a signature.");
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, Uri url, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(url, body, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new CryptographicException($"The signing service answered {(int)response.StatusCode} to {url.AbsolutePath}.");
        }

        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw new CryptographicException($"The signing service's answer is larger than {MaxAnswerBytes} bytes.");
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))
            ?? throw new CryptographicException("The signing service answered with nothing.");
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var certificate in Chain)
        {
            certificate.Dispose();
        }
    }
}
