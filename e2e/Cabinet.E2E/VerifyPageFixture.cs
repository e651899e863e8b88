using Cabinet.Records.Archive;
using Cabinet.Testing;
using Cabinet.Voting.Signing;
using Microsoft.Playwright;

namespace Cabinet.E2E;

/// <summary>
/// A real Cabinet whose organisation certificate is one this test holds (Cabinet:SigningCertificatePath), so the test
/// can seal archives the /verify page trusts — with hostile minutes inside — and Debian's Chromium to upload them.
/// </summary>
public sealed class VerifyPageFixture : IAsyncLifetime
{
    private const string Password = "verify-page-test";
    private readonly CertificateAuthority _authority = CertificateAuthority.Create("Cabinet Verify Page Test Root");
    private HeadlessChromium? _chromium;

    public VerifyPageFixture() => Signer = _authority.IssueOrganisation("UBND xã Kiểm Thử");

    /// <summary>A smaller upload limit than the default (64 MiB), so a browser can be handed a file just over it.</summary>
    public const long MaxArchiveBytes = 4 * 1024 * 1024;

    public SigningIdentity Signer { get; }

    public CabinetServer Server { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var pkcs12 = Path.Combine(RepositoryPaths.NewTempFolder("verify-pki"), "org.p12");
        await File.WriteAllBytesAsync(pkcs12, Signer.ExportPkcs12(Password));
        Server = await CabinetServer.StartAsync(new CabinetServerOptions
        {
            ExtraArguments = [$"--Cabinet:SigningCertificatePath={pkcs12}", $"--Cabinet:SigningCertificatePassword={Password}", "--Cabinet:SeedDemoData=false",
                $"--Cabinet:Verify:MaxArchiveBytes={MaxArchiveBytes}"],
        });
        _chromium = await HeadlessChromium.LaunchAsync();
        Browser = _chromium.Browser;
    }

    /// <summary>A sealed archive, signed with the installation's certificate, whose minutes are <paramref name="minutesPdf"/>.</summary>
    public Task<byte[]> SealAsync(byte[] minutesPdf) => ArchiveWriter.WriteAsync(
        new SealedMeeting("UBND xã Kiểm Thử", "kiem-thu/2026-11-30", "Phiên họp kiểm thử", DateTimeOffset.UtcNow, minutesPdf, [], []), Signer);

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Signer.Dispose();
        _authority.Dispose();
    }
}
