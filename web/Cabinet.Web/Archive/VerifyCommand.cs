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
        ArgumentNullException.ThrowIfNull(args);
        var rootIndex = Array.IndexOf(args, "--root");
        var rootPath = rootIndex >= 0 && rootIndex + 1 < args.Length && !args[rootIndex + 1].StartsWith("--", StringComparison.Ordinal) ? args[rootIndex + 1] : null;
        var targets = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (rootIndex < 0 || i != rootIndex + 1)).ToList();
        var problem = targets.Count != 1 ? (targets.Count == 0 ? "" : "\nOne archive at a time.")
            : rootIndex >= 0 && rootPath is null ? "\n--root needs the path of a PEM certificate."
            : !File.Exists(targets[0]) && !Directory.Exists(targets[0]) ? $"\nNot found: {targets[0]}"
            : null;
        if (problem is not null)
        {
            Console.Error.WriteLine("Usage: verify <archive.zip | folder> [--root root.pem]" + problem);
            return 2;
        }

        var target = targets[0];
        try
        {
            var rootPem = rootPath is not null ? File.ReadAllText(rootPath) : InstallationRoot(hostArgs);
            var report = ArchiveVerification.Verify(target, rootPem);
            foreach (var line in report.Lines)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine(report.IsValid ? "VALID: every check passed." : $"INVALID: {report.Failure}");
            return report.IsValid ? 0 : 1;
        }
#pragma warning disable CA1031 // The command's boundary: every path ends in exit code 0, 1 or 2 with a message, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
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
