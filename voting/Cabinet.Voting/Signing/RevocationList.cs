using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cabinet.Voting.Signing;

/// <summary>
/// A CA's revoked serial numbers and the signed CRL that publishes them. The CRL file itself is the record: it is
/// written beside the CA on every revocation and read back at start-up, so there is no second list to keep in step.
/// </summary>
public sealed class RevocationList
{
    /// <summary>How long a CRL is good for; a fresh one is signed once half of that has passed.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    private const string RsaOid = "1.2.840.113549.1.1.1";

    private readonly Lock _lock = new();
    private readonly X509Certificate2 _issuer;
    private readonly string? _file;
    private readonly CertificateRevocationListBuilder _builder;
    private BigInteger _number;
    private byte[]? _current;
    private DateTimeOffset _signedAt;

    /// <param name="issuer">The CA certificate with its private key, owned by the caller.</param>
    internal RevocationList(X509Certificate2 issuer, string? folder)
    {
        _issuer = issuer;
        _file = folder is null ? null : Path.Combine(folder, NameOf(issuer) + ".crl");
        if (_file is not null && File.Exists(_file))
        {
            _builder = CertificateRevocationListBuilder.Load(File.ReadAllBytes(_file), out _number);
        }
        else
        {
            _builder = new CertificateRevocationListBuilder();
        }
    }

    public static string NameOf(X509Certificate2 issuer) =>
        Convert.ToHexStringLower(issuer.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes.ToArray()
            ?? SHA256.HashData(issuer.PublicKey.EncodedKeyValue.RawData)[..20]);

    /// <summary>The CRL's address that issued certificates carry.</summary>
    public static string Url(string publicBaseUrl, string name) => $"{publicBaseUrl.TrimEnd('/')}/pki/crl/{name}.crl";

    internal void Revoke(ReadOnlySpan<byte> serial, DateTimeOffset when)
    {
        lock (_lock)
        {
            _builder.AddEntry(serial, when, X509RevocationReason.KeyCompromise);
            Sign(DateTimeOffset.UtcNow);
        }
    }

    /// <summary>The CRL to publish (DER): the last one signed, or a fresh one when half its validity has passed.</summary>
    public byte[] Current()
    {
        lock (_lock)
        {
            var now = DateTimeOffset.UtcNow;
            return _current is not null && now - _signedAt < Validity / 2 ? _current : Sign(now);
        }
    }

    private byte[] Sign(DateTimeOffset now)
    {
        _number++;
        var padding = _issuer.GetKeyAlgorithm() == RsaOid ? RSASignaturePadding.Pkcs1 : null;
        _current = _builder.Build(_issuer, _number, now.Add(Validity), HashAlgorithmName.SHA256, padding, now);
        _signedAt = now;
        if (_file is not null)
        {
            File.WriteAllBytes(_file, _current);
        }

        return _current;
    }
}
