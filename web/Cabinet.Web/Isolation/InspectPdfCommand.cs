using System.Text.Json;
using Cabinet.Documents;
using Cabinet.Documents.Pdf;

namespace Cabinet.Web.Isolation;

/// <summary>
/// <c>inspect-pdf --limits &lt;json&gt; [--glyphs] [--fault stack-overflow|hang]</c>, the hidden child side of <see cref="IsolatedInspection"/>:
/// reads a PDF from stdin, reads its pages with PdfPig and writes a <see cref="PdfInspectionReport"/> to stdout.
/// Exit code 0 when a report was written (accepted or refused); anything else is a crash for the parent to judge.
/// </summary>
public static class InspectPdfCommand
{
    public const string Name = "inspect-pdf";

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = Array.IndexOf(args, "--limits");
        var limits = at >= 0 && at + 1 < args.Length ? JsonSerializer.Deserialize<DocumentLimits>(args[at + 1], PdfInspectionReport.Json) ?? new() : new DocumentLimits();
        Fault(args);
        using var input = Console.OpenStandardInput();
        using var content = new MemoryStream();
        input.CopyTo(content);
        if (content.Length > limits.MaxFileBytes)
        {
            return Write(new PdfInspectionReport(0, null, DocumentErrors.TooLarge(limits.MaxFileBytes)));
        }

        var result = PdfInspection.ReadPages(content.ToArray(), limits);
        IReadOnlyList<PdfPageText>? pages = null;
        if (result.Pdf is { } pdf)
        {
            pages = args.Contains("--glyphs") ? pdf.Pages : [.. pdf.Pages.Select(p => p with { Glyphs = [] })];
        }

        return Write(new PdfInspectionReport(result.Pdf?.PageCount ?? 0, pages, result.Error));
    }

    /// <summary>Fault injection for tests: what a hostile file could make a parser do, done for real.</summary>
    private static void Fault(string[] args)
    {
        var at = Array.IndexOf(args, "--fault");
        switch (at >= 0 && at + 1 < args.Length ? args[at + 1] : null)
        {
            case "stack-overflow":
                Recurse(0);
                break;
            case "hang":
                Thread.Sleep(Timeout.Infinite);
                break;
        }
    }

    private static int Recurse(int depth) => depth == int.MaxValue ? depth : Recurse(depth + 1) + 1;

    private static int Write(PdfInspectionReport report)
    {
        using var output = Console.OpenStandardOutput();
        JsonSerializer.Serialize(output, report, PdfInspectionReport.Json);
        return 0;
    }
}
