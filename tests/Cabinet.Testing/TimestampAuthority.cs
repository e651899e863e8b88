using System.Globalization;
using System.Net;

namespace Cabinet.Testing;

/// <summary>
/// A real RFC 3161 timestamp authority for tests: its own root and TSA certificate (EKU timeStamping, critical) made
/// with openssl, answering application/timestamp-query POSTs on a free loopback port by running `openssl ts -reply`.
/// Serves its root's CRL at /root.crl. <see cref="Down"/> makes it answer 503, as a TSA that is out of service.
/// </summary>
public sealed class TimestampAuthority : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly SemaphoreSlim _one = new(1, 1); // openssl ts keeps its serial number in a file
    private readonly string _folder;
    private int _answered;
    private int _refused;

    private TimestampAuthority(string folder, Uri url, string? user, string? password)
    {
        _folder = folder;
        Url = url;
        User = user;
        Password = password;
        _server = new LoopbackHttpServer(url.GetLeftPart(UriPartial.Authority), AnswerAsync);
    }

    /// <summary>Where to POST timestamp queries.</summary>
    public Uri Url { get; }

    public string? User { get; }

    public string? Password { get; }

    /// <summary>The TSA's root certificate (PEM file), to trust in NSS or openssl.</summary>
    public string RootPemPath => Path.Combine(_folder, "root.pem");

    public string CertificatePemPath => Path.Combine(_folder, "tsa.pem");

    /// <summary>While true, every query is answered 503 Service Unavailable.</summary>
    public bool Down { get; set; }

    /// <summary>How many timestamps were issued.</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>How many queries were turned away while <see cref="Down"/>.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static TimestampAuthority Start(string? user = null, string? password = null)
    {
        var folder = RepositoryPaths.NewTempFolder("tsa");
        var port = FreePort.Next();
        var baseUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        File.WriteAllText(Path.Combine(folder, "tsa.ext"), $"""
            basicConstraints=critical,CA:FALSE
            keyUsage=critical,digitalSignature,nonRepudiation
            extendedKeyUsage=critical,timeStamping
            subjectKeyIdentifier=hash
            authorityKeyIdentifier=keyid
            crlDistributionPoints=URI:{baseUrl}/root.crl
            """);
        File.WriteAllText(Path.Combine(folder, "tsa.cnf"), """
            [ca]
            default_ca = root
            [root]
            database = index.txt
            crlnumber = crlnumber
            default_md = sha256
            default_crl_days = 30
            [tsa]
            default_tsa = tsa_config
            [tsa_config]
            serial = tsaserial
            crypto_device = builtin
            signer_cert = tsa.pem
            certs = root.pem
            signer_key = tsa.key
            signer_digest = sha256
            default_policy = 1.3.6.1.4.1.55555.1.1
            digests = sha256, sha384, sha512
            accuracy = secs:1
            ordering = yes
            tsa_name = yes
            ess_cert_id_chain = no
            ess_cert_id_alg = sha256
            """);
        File.WriteAllText(Path.Combine(folder, "index.txt"), "");
        File.WriteAllText(Path.Combine(folder, "crlnumber"), "01\n");
        File.WriteAllText(Path.Combine(folder, "tsaserial"), "01\n");
        Openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.pem", "-days", "3650",
            "-subj", "/C=VN/O=Cabinet Test TSA/CN=Cabinet Test TSA Root",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Openssl(folder, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr",
            "-subj", "/C=VN/O=Cabinet Test TSA/CN=Cabinet Test TSA");
        Openssl(folder, "x509", "-req", "-in", "tsa.csr", "-CA", "root.pem", "-CAkey", "root.key", "-CAcreateserial",
            "-out", "tsa.pem", "-days", "3650", "-sha256", "-extfile", "tsa.ext");
        Openssl(folder, "ca", "-gencrl", "-config", "tsa.cnf", "-keyfile", "root.key", "-cert", "root.pem", "-out", "root.crl.pem");
        Openssl(folder, "crl", "-in", "root.crl.pem", "-outform", "DER", "-out", "root.crl");
        return new TimestampAuthority(folder, new Uri($"{baseUrl}/tsa"), user, password);
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        if (context.Request.HttpMethod == "GET" && context.Request.Url!.AbsolutePath == "/root.crl")
        {
            await WriteAsync(response, "application/pkix-crl", await File.ReadAllBytesAsync(Path.Combine(_folder, "root.crl")));
            return;
        }

        if (Down)
        {
            Interlocked.Increment(ref _refused);
            response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
            return;
        }

        if (User is not null && context.Request.Headers["Authorization"] != "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}")))
        {
            response.StatusCode = (int)HttpStatusCode.Unauthorized;
            return;
        }

        if (context.Request.HttpMethod != "POST" || context.Request.ContentType != "application/timestamp-query")
        {
            response.StatusCode = (int)HttpStatusCode.BadRequest;
            return;
        }

        await _one.WaitAsync();
        try
        {
            var query = Path.Combine(_folder, "query.tsq");
            var reply = Path.Combine(_folder, "reply.tsr");
            await using (var file = File.Create(query))
            {
                await context.Request.InputStream.CopyToAsync(file);
            }

            var result = Tool.RunIn(_folder, "openssl", "ts", "-reply", "-config", Path.Combine(_folder, "tsa.cnf"), "-section", "tsa_config",
                "-queryfile", query, "-out", reply);
            if (result.ExitCode != 0)
            {
                response.StatusCode = (int)HttpStatusCode.InternalServerError;
                return;
            }

            Interlocked.Increment(ref _answered);
            await WriteAsync(response, "application/timestamp-reply", await File.ReadAllBytesAsync(reply));
        }
        finally
        {
            _one.Release();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string contentType, byte[] body)
    {
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
    }

    private static void Openssl(string folder, params string[] arguments)
    {
        var result = Tool.RunIn(folder, "openssl", arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed: {result.Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _one.Dispose();
    }
}
