using Cabinet.Voting.Signing;

[assembly: AssemblyFixture(typeof(Cabinet.Records.Tests.Support.CertificatesFixture))]

namespace Cabinet.Records.Tests.Support;

/// <summary>One development CA and two signers for the whole test run: RSA 3072 key generation is slow.</summary>
public sealed class CertificatesFixture : IDisposable
{
    public CertificatesFixture()
    {
        Authority = CertificateAuthority.Create();
        Secretary = Authority.IssuePerson("Nguyễn Thị Thư", "UBND xã Tân Phú", "thu.nt@tanphu.gov.vn");
        Organisation = Authority.IssueOrganisation("UBND xã Tân Phú");
        Folder = Directory.CreateTempSubdirectory("cabinet-records-").FullName;
        CaPemPath = Path.Combine(Folder, "ca.pem");
        File.WriteAllText(CaPemPath, Authority.RootPem);
    }

    public CertificateAuthority Authority { get; }

    public SigningIdentity Secretary { get; }

    public SigningIdentity Organisation { get; }

    /// <summary>A scratch folder deleted after the run.</summary>
    public string Folder { get; }

    public string CaPemPath { get; }

    public string NewPath(string name) => Path.Combine(Folder, $"{Guid.NewGuid():N}-{name}");

    public void Dispose()
    {
        Secretary.Dispose();
        Organisation.Dispose();
        Authority.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
