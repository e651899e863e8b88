using Cabinet.Records.Archive;

namespace Cabinet.Web.Archive;

/// <summary>
/// <c>verify &lt;archive.zip | folder | minutes.pdf&gt; [--root root.pem] [--expect-org-cert SHA256] [--tsa-root tsa.pem]… [--lang vi|en]</c>:
/// checks a sealed archive, or a minutes PDF on its own, without starting the server. Trusts only the root it is given:
/// never this installation's CA implicitly, and never a CA it would make itself; without --root it judges integrity only
/// and says the result is not trusted. A timestamp counts when its authority chains to the root or to a --tsa-root.
/// The report is in Vietnamese, in English with --lang en. Exit code 0 when everything holds and is trusted, 1 naming
/// the first failure (or "not trusted"), 2 when the input or a root cannot be read at all.
/// </summary>
public static class VerifyCommand
{
    private const string Usage = """
        Usage: verify <archive.zip | folder | minutes.pdf> [--root root.pem] [--expect-org-cert SHA256-FINGERPRINT] [--tsa-root tsa-root.pem]... [--lang vi|en]
          --root             the organisation's trusted root certificate (PEM); without it only integrity is checked
          --expect-org-cert  the one organisation certificate the archive must be sealed with (its SHA-256 fingerprint)
          --tsa-root         the root certificate (PEM) of a timestamp authority whose timestamps count; repeatable
          --lang             the report's language: vi (Vietnamese, the default) or en (English)
        """;

    private static readonly string[] ValueOptions = ["--root", "--expect-org-cert", "--tsa-root", "--lang"];

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (rootPath, rootProblem) = Option(args, "--root", "the path of a PEM certificate");
        var (expected, expectedProblem) = Option(args, "--expect-org-cert", "the organisation certificate's SHA-256 fingerprint (64 hex digits)");
        var (language, languageProblem) = Option(args, "--lang", "vi or en");
        var tsaRoots = Values(args, "--tsa-root");
        var targets = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !ValueOptions.Contains(args[i - 1]))).ToList();
        var problem = targets.Count != 1 ? (targets.Count == 0 ? "" : "\nOne archive at a time.")
            : rootProblem ?? expectedProblem ?? languageProblem
            ?? (language is not (null or "vi" or "en") ? "\n--lang is vi or en." : null)
            ?? (tsaRoots.Any(p => p is null) ? "\n--tsa-root needs the path of a PEM certificate." : null)
            ?? (expected is not null && Records.Trust.CertificateNames.NormaliseFingerprint(expected) is null ? "\n--expect-org-cert needs 64 hex digits (a SHA-256 fingerprint)." : null)
            ?? (!File.Exists(targets[0]) && !Directory.Exists(targets[0]) ? $"\nNot found: {targets[0]}" : null);
        if (problem is not null)
        {
            Console.Error.WriteLine(Usage + problem);
            return 2;
        }

        var target = targets[0];
        using var english = language == "en" ? ReportLanguage.English() : null;
        try
        {
            var rootPem = rootPath is null ? null : File.ReadAllText(rootPath);
            var report = ArchiveVerification.Verify(target, rootPem, expected, [.. tsaRoots.Select(p => File.ReadAllText(p!))]);
            foreach (var line in report.Lines)
            {
                Console.WriteLine(line);
            }

            Console.WriteLine(report.Verdict);
            return report.IsValid && report.IsTrusted ? 0 : 1;
        }
#pragma warning disable CA1031 // The command's boundary: every path ends in exit code 0, 1 or 2 with a message, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine(english is null ? $"Không kiểm tra được {target}: {ex.Message}" : $"Cannot verify {target}: {ex.Message}");
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

    /// <summary>Every value of a repeatable option; null for an occurrence without one.</summary>
    private static List<string?> Values(string[] args, string name) =>
        [.. args.Select((a, i) => (a, i)).Where(p => p.a == name)
            .Select(p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : null)];
}
