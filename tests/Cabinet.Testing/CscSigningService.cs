using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Cabinet.Testing;

/// <summary>
/// A tiny remote signing service for tests, in the Cloud Signature Consortium API v2 shape: POST credentials/info
/// (the credential's certificate chain) and POST signatures/signHash (RSA PKCS#1 v1.5 over the given SHA-256 hashes),
/// behind a bearer token, on a free loopback port. The key never leaves it.
/// </summary>
public sealed class CscSigningService : IAsyncDisposable
{
    public const string CredentialId = "con-dau-co-quan";
    private readonly LoopbackHttpServer _server;
    private readonly RSA _key;
    private readonly X509Certificate2[] _chain;
    private int _signed;

    private CscSigningService(Uri baseUrl, RSA key, X509Certificate2[] chain)
    {
        (BaseUrl, _key, _chain) = (baseUrl, key, chain);
        _server = new LoopbackHttpServer(baseUrl.GetLeftPart(UriPartial.Authority), AnswerAsync);
    }

    /// <summary>The API base, e.g. http://127.0.0.1:port/csc/v2/.</summary>
    public Uri BaseUrl { get; }

    public string AccessToken { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public int Signed => Volatile.Read(ref _signed);

    /// <param name="chain">The signer's certificate first, with its private key (RSA), then its issuers.</param>
    public static CscSigningService Start(IReadOnlyList<X509Certificate2> chain) =>
        new(new Uri($"http://127.0.0.1:{FreePort.Next()}/csc/v2/"), chain[0].GetRSAPrivateKey()!, [.. chain]);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var (status, body) = Answer(context.Request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private (int Status, JsonNode Body) Answer(HttpListenerRequest request)
    {
        if (request.Headers["Authorization"] != $"Bearer {AccessToken}")
        {
            return (401, new JsonObject { ["error"] = "invalid_token" });
        }

        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(reader.ReadToEnd())!;
        if (body["credentialID"]?.GetValue<string>() != CredentialId)
        {
            return (400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = "unknown credentialID" });
        }

        switch (request.Url!.AbsolutePath)
        {
            case "/csc/v2/credentials/info":
                return (200, new JsonObject
                {
                    ["key"] = new JsonObject { ["status"] = "enabled", ["algo"] = new JsonArray("1.2.840.113549.1.1.11"), ["len"] = _key.KeySize },
                    ["cert"] = new JsonObject
                    {
                        ["status"] = "valid",
                        ["certificates"] = new JsonArray([.. _chain.Select(c => (JsonNode)Convert.ToBase64String(c.RawData))]),
                    },
                });
            case "/csc/v2/signatures/signHash" when body["signAlgo"]?.GetValue<string>() == "1.2.840.113549.1.1.11":
                var signatures = body["hashes"]!.AsArray().Select(h => (JsonNode)Convert.ToBase64String(
                    _key.SignHash(Convert.FromBase64String(h!.GetValue<string>()), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
                Interlocked.Increment(ref _signed);
                return (200, new JsonObject { ["signatures"] = new JsonArray([.. signatures]) });
            default:
                return (400, new JsonObject { ["error"] = "invalid_request" });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
    }
}
