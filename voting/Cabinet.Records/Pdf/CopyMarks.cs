using System.Globalization;
using Cabinet.Records.Minutes;

namespace Cabinet.Records.Pdf;

/// <summary>What a person's copy of a meeting document says on every page: whose copy, from which organisation, when (Vietnam's time), and its id.</summary>
public static class CopyMarks
{
    /// <summary>Budget of one copy's marking, whatever the file (the PDF is ours after intake, but still bounded).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    public static byte[] Apply(byte[] pdf, string name, string organization, DateTimeOffset at, string copyId, bool printed, CancellationToken cancellationToken)
    {
        var time = at.ToOffset(SignatureAppearances.Vietnam).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var footer = $"Bản sao của {name}{(organization.Length > 0 ? $" ({organization})" : "")} · {(printed ? "in" : "tải về")} lúc {time} · Mã bản sao {copyId}";
        return PdfWatermark.Apply(pdf, $"{name} · {copyId}", footer, PdfReadLimits.Default, cancellationToken);
    }
}
