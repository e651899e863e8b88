using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Cabinet.Documents;
using Cabinet.Documents.Pdf;

namespace Cabinet.Web.Isolation;

/// <summary>
/// Reads a PDF's pages with PdfPig in a child process (<see cref="InspectPdfCommand"/>) with a managed-heap limit and
/// a deadline, so a stack overflow, a runaway allocation or a hang inside the third-party parser costs a child, not
/// the server. Run <see cref="PdfInspection.Screen"/> first: this is the second, expensive half of the inspection.
/// A few children at a time, so a burst of uploads cannot multiply the memory budget.
/// </summary>
public sealed partial class IsolatedInspection(DocumentLimits limits, IConfiguration configuration, ILogger<IsolatedInspection> logger) : IDisposable
{
    /// <summary>Room for the report of the largest allowed document; glyphs are only sent when asked for.</summary>
    private const int MaxReportBytes = 256 * 1024 * 1024;

    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <param name="glyphs">Also return every page's glyphs (re-anchoring); otherwise pages carry none.</param>
    public async Task<PdfInspectionResult> InspectAsync(byte[] content, bool glyphs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var arguments = new List<string> { InspectPdfCommand.Name, "--limits", JsonSerializer.Serialize(limits, PdfInspectionReport.Json) };
        if (glyphs)
        {
            arguments.Add("--glyphs");
        }

        // Tests make the child overflow its stack or hang, as a hostile file could inside PdfPig.
        if (configuration["Cabinet:FaultInjection:InspectPdf"] is { Length: > 0 } fault)
        {
            arguments.AddRange(["--fault", fault]);
        }

        var command = ChildCommand.OfThisApp(arguments, new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = "0x" + limits.MaxInspectionMemoryBytes.ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_DbgEnableMiniDump"] = "0",
        });
        await _slots.WaitAsync(ct);
        ChildOutcome outcome;
        try
        {
            outcome = await ChildRun.RunAsync(command, content, TimeSpan.FromSeconds(limits.MaxInspectionSeconds), MaxReportBytes, ct);
        }
        finally
        {
            _slots.Release();
        }

        return Judge(outcome);
    }

    public void Dispose() => _slots.Dispose();

    private PdfInspectionResult Judge(ChildOutcome outcome)
    {
        if (outcome.Succeeded && Report(outcome.Output) is { } report)
        {
            return report.Error is { } error
                ? PdfInspectionResult.Refused(error)
                : new PdfInspectionResult(new InspectedPdf([.. report.Pages ?? []]), null);
        }

        LogChildFailed(outcome.ExitCode, outcome.TimedOut, outcome.ErrorHead.Length > 500 ? outcome.ErrorHead[..500] : outcome.ErrorHead);
        var refusal = outcome switch
        {
            { TimedOut: true } => DocumentErrors.TooSlow(limits.MaxInspectionSeconds),
            { OutputTooLarge: true } => DocumentErrors.TooMuchMemory(limits.MaxInspectionMemoryBytes),
            _ when outcome.ErrorHead.Contains("OutOfMemory", StringComparison.Ordinal) => DocumentErrors.TooMuchMemory(limits.MaxInspectionMemoryBytes),
            _ when outcome.ErrorHead.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) => DocumentErrors.TooDeep(limits.MaxNestingDepth),
            _ => DocumentErrors.Damaged,
        };
        return PdfInspectionResult.Refused(refusal);
    }

    private static PdfInspectionReport? Report(byte[] output)
    {
        try
        {
            return JsonSerializer.Deserialize<PdfInspectionReport>(output, PdfInspectionReport.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The isolated PDF reader failed (exit code {ExitCode}, timed out {TimedOut}): {ErrorHead}")]
    private partial void LogChildFailed(int? exitCode, bool timedOut, string errorHead);
}
