using System.Security.Cryptography.X509Certificates;
using Cabinet.Hosting;
using Cabinet.Records.Pdf;
using Cabinet.Voting.Signing;
using Microsoft.Extensions.Logging;

namespace Cabinet.Signing;

/// <summary>
/// What makes a signature outlive its certificates: with a configured timestamp authority, every signature gets a
/// signature timestamp (PAdES-B-T) and sealed minutes get the DSS (B-LT) and a document timestamp (B-LTA). Without
/// one, signatures stay B-B. A TSA that fails stops the sealing (a <see cref="TimestampUnavailableException"/>), which
/// the meeting retries: a record is never stored with a timestamp silently missing.
/// </summary>
public sealed partial class LongTermValidation(CabinetSiloOptions options, OrganizationSigners signers, ILogger<LongTermValidation> logger)
    : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private TimestampClient? _client;

    private TimestampClient? Client => options.Signing.TimestampUrl is { Length: > 0 } url
        ? _client ??= new TimestampClient(_http, new Uri(url), options.Signing.TimestampUser, options.Signing.TimestampPassword)
        : null;

    /// <summary>The signer, timestamping each of its signatures when a TSA is configured.</summary>
    public IDocumentSigner Timestamped(IDocumentSigner signer) => Client is { } client ? new Logged(new TimestampingSigner(signer, client), this) : signer;

    /// <summary>A CMS made elsewhere (a person's device) with its signature timestamp, when a TSA is configured.</summary>
    public Task<byte[]> TimestampAsync(byte[] cms, CancellationToken cancellationToken = default) =>
        Client is { } client ? Logging(() => SignatureTimestamps.AddAsync(cms, client, cancellationToken)) : Task.FromResult(cms);

    /// <summary>Adds the DSS and the document timestamp to signed minutes (nothing without a TSA).</summary>
    public async Task<byte[]> ExtendAsync(byte[] signedPdf, CancellationToken cancellationToken = default)
    {
        if (Client is not { } client)
        {
            return signedPdf;
        }

        var withDss = await PdfValidationData.AddAsync(signedPdf, CrlForAsync, cancellationToken).ConfigureAwait(false);
        return await Logging(() => PdfSigner.TimestampAsync(withDss, client, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Names the refusal's code in the log, so an operator sees why a meeting stays unsealed.</summary>
    private async Task<T> Logging<T>(Func<Task<T>> timestamped)
    {
        try
        {
            return await timestamped().ConfigureAwait(false);
        }
        catch (TimestampUnavailableException e)
        {
            LogTimestampUnavailable(e, Errors.ErrorCodes.TimestampUnavailable.Code, Client!.Url);
            throw;
        }
    }

    /// <summary>Our own CA's CRL from memory; any other from the certificate's distribution point.</summary>
    private async Task<byte[]?> CrlForAsync(X509Certificate2 certificate, CancellationToken cancellationToken) =>
        signers.CrlCovering(certificate) ?? await CrlDownloads.FetchAsync(_http, certificate, cancellationToken).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Code}: the timestamp authority {Url} gave no usable timestamp; sealing waits and retries")]
    private partial void LogTimestampUnavailable(Exception exception, string code, Uri url);

    public void Dispose() => _http.Dispose();

    private sealed class Logged(IDocumentSigner inner, LongTermValidation owner) : IDocumentSigner
    {
        public X509Certificate2 Certificate => inner.Certificate;

        public Task<byte[]> SignAsync(ReadOnlyMemory<byte> content, CmsProfile profile, CancellationToken cancellationToken = default) =>
            owner.Logging(() => inner.SignAsync(content, profile, cancellationToken));
    }
}
