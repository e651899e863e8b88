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

    /// <summary>
    /// A person's own signing certificate (the secretary signing the minutes). Development issues one per person;
    /// with a configured certificate, personal tokens are not wired yet and the organisation's certificate signs.
    /// </summary>
    public SigningIdentity ForPerson(string userName, string displayName, string organizationName) =>
        _configured ?? _identities.GetOrAdd($"person:{userName}", _ => LoadOrIssue($"person-{userName}", displayName, organizationName));

    private SigningIdentity LoadOrIssue(string organizationId, string organizationName) => LoadOrIssue($"org-{organizationId}", null, organizationName);

    private SigningIdentity LoadOrIssue(string fileName, string? personName, string organizationName)
    {
        var file = Path.Combine(_folder, $"{fileName}.p12");
        if (File.Exists(file))
        {
            return SigningIdentity.FromPkcs12File(file, DevelopmentPassword);
        }

        var identity = personName is null ? _authority!.IssueOrganisation(organizationName) : _authority!.IssuePerson(personName, organizationName);
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
