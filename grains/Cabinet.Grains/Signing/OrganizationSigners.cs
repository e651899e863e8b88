using System.Collections.Concurrent;
using Cabinet.Hosting;
using Cabinet.Voting.Signing;

namespace Cabinet.Signing;

/// <summary>
/// The certificates that sign on an organisation's behalf (poll results now; minutes and archive seals later).
/// Production: one PKCS#12 file from configuration (the installation's organisation certificate). Development: a
/// local test root CA kept in the data folder, which issues one certificate per organisation on first use.
/// </summary>
public sealed class OrganizationSigners : IDisposable
{
    private const string DevelopmentPassword = "cabinet-development-only";

    private readonly ConcurrentDictionary<string, SigningIdentity> _identities = new(StringComparer.Ordinal);
    private readonly DevelopmentCertificateAuthority? _authority;
    private readonly SigningIdentity? _configured;
    private readonly string _folder;

    public OrganizationSigners(CabinetSiloOptions options)
    {
        _folder = Directory.CreateDirectory(Path.Combine(options.DataPath, "pki")).FullName;
        if (options.SigningCertificatePath is { Length: > 0 } path)
        {
            _configured = SigningIdentity.FromPkcs12File(path, options.SigningCertificatePassword);
        }
        else
        {
            _authority = DevelopmentCertificateAuthority.LoadOrCreate(_folder, DevelopmentPassword);
        }
    }

    /// <summary>The certificate verifiers should trust: the development root, or the top of the configured chain.</summary>
    public string TrustAnchorPem => _authority?.RootPem
        ?? (_configured!.Chain.Count > 0 ? _configured.Chain[^1] : _configured.Certificate).ExportCertificatePem();

    public SigningIdentity For(string organizationId, string organizationName) =>
        _configured ?? _identities.GetOrAdd(organizationId, id => LoadOrIssue(id, organizationName));

    private SigningIdentity LoadOrIssue(string organizationId, string organizationName)
    {
        var file = Path.Combine(_folder, $"org-{organizationId}.p12");
        if (File.Exists(file))
        {
            return SigningIdentity.FromPkcs12File(file, DevelopmentPassword);
        }

        var identity = _authority!.IssueOrganisation(organizationName);
        File.WriteAllBytes(file, identity.ExportPkcs12(DevelopmentPassword));
        return identity;
    }

    public void Dispose()
    {
        foreach (var identity in _identities.Values)
        {
            identity.Dispose();
        }

        _configured?.Dispose();
        _authority?.Dispose();
    }
}
