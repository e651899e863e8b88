using Cabinet.Hosting;
using Cabinet.Signing;
using Cabinet.Web.Hosting;

namespace Cabinet.Web.Archive;

/// <summary>
/// <c>verify &lt;archive.zip or folder&gt; [--root root.pem]</c>: checks a sealed archive without starting the server.
/// Trusts the given root, or this installation's (its development CA, or the configured certificate's chain).
/// Exit code 0 when everything holds, 1 naming the first failure, 2 when the input cannot be read at all.
/// </summary>
public static class VerifyCommand
{
    public static int Run(string[] args, string[] hostArgs)
    {
        var rootIndex = Array.IndexOf(args, "--root");
        var target = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (rootIndex < 0 || i != rootIndex + 1)).FirstOrDefault();
        if (target is null || (!File.Exists(target) && !Directory.Exists(target)))
        {
            Console.Error.WriteLine("Usage: verify <archive.zip | folder> [--root root.pem]" + (target is null ? "" : $"\nNot found: {target}"));
            return 2;
        }

        try
        {
            var rootPem = rootIndex >= 0 ? File.ReadAllText(args[rootIndex + 1]) : InstallationRoot(hostArgs);
            var report = ArchiveVerification.Verify(target, rootPem);
            foreach (var line in report.Lines)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine(report.IsValid ? "VALID: every check passed." : $"INVALID: {report.Failure}");
            return report.IsValid ? 0 : 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or IndexOutOfRangeException)
        {
            Console.Error.WriteLine($"Cannot verify {target}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The installation's trust anchor, never created here: a verifier that invents its own root proves nothing.</summary>
    private static string InstallationRoot(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        var cabinet = builder.Configuration.GetSection(CabinetOptions.Section).Get<CabinetOptions>() ?? new CabinetOptions();
        return OrganizationSigners.ExistingTrustAnchorPem(new CabinetSiloOptions
        {
            DataPath = Path.GetFullPath(cabinet.DataPath, builder.Environment.ContentRootPath),
            SigningCertificatePath = cabinet.SigningCertificatePath,
            SigningCertificatePassword = SecretSetting.Read(cabinet.SigningCertificatePassword, cabinet.SigningCertificatePasswordFile),
            AllowDevelopmentAuthority = builder.Environment.IsDevelopment(),
        }) ?? throw new IOException("this installation has no trusted root (no signing certificate is configured); name one with --root root.pem.");
    }
}
