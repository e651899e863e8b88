using Cabinet.Records.Archive;

namespace Cabinet.Web.Archive;

/// <summary>
/// <c>verify &lt;archive.zip | folder | minutes.pdf&gt; [--root root.pem] [--expect-org-cert SHA256]</c>: checks a sealed archive,
/// or a minutes PDF on its own, without starting the server. Trusts only the root it is given: never this installation's
/// CA implicitly, and never a CA it would make itself; without --root it judges integrity only and says the result is not
/// trusted. Exit code 0 when everything holds and is trusted, 1 naming the first failure (or "not trusted"), 2 when the
/// input or the root cannot be read at all.
/// </summary>
public static class VerifyCommand
{
    private const string Usage = "Usage: verify <archive.zip | folder | minutes.pdf> [--root root.pem] [--expect-org-cert SHA256-FINGERPRINT]";

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (rootPath, rootProblem) = Option(args, "--root", "the path of a PEM certificate");
        var (expected, expectedProblem) = Option(args, "--expect-org-cert", "the organisation certificate's SHA-256 fingerprint (64 hex digits)");
        var targets = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--root" or "--expect-org-cert"))).ToList();
        var problem = targets.Count != 1 ? (targets.Count == 0 ? "" : "\nOne archive at a time.")
            : rootProblem ?? expectedProblem
            ?? (expected is not null && Records.Trust.CertificateNames.NormaliseFingerprint(expected) is null ? "\n--expect-org-cert needs 64 hex digits (a SHA-256 fingerprint)." : null)
            ?? (!File.Exists(targets[0]) && !Directory.Exists(targets[0]) ? $"\nNot found: {targets[0]}" : null);
        if (problem is not null)
        {
            Console.Error.WriteLine(Usage + problem);
            return 2;
        }

        var target = targets[0];
        try
        {
            var rootPem = rootPath is null ? null : File.ReadAllText(rootPath);
            var report = ArchiveVerification.Verify(target, rootPem, expected);
            foreach (var line in report.Lines)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine(report.Verdict);
            Console.WriteLine(!report.IsValid ? $"INVALID: {report.Failure}"
                : report.IsTrusted ? "VALID: every check passed."
                : "NOT TRUSTED: intact, but no trust anchor was given (use --root root.pem).");
            return report.IsValid && report.IsTrusted ? 0 : 1;
        }
#pragma warning disable CA1031 // The command's boundary: every path ends in exit code 0, 1 or 2 with a message, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"Cannot verify {target}: {ex.Message}");
            return 2;
        }
    }

    private static (string? Value, string? Problem) Option(string[] args, string name, string what)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return (null, null);
        }

        return index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal)
            ? (args[index + 1], null)
            : (null, $"\n{name} needs {what}.");
    }
}
