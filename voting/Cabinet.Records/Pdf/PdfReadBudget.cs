using Cabinet.Records.Archive;

namespace Cabinet.Records.Pdf;

/// <summary>What one read of a PDF has spent of its <see cref="PdfReadLimits"/>; shared by the file and all its parsers.</summary>
internal sealed class PdfReadBudget(PdfReadLimits limits, CancellationToken cancellationToken = default)
{
    private long _decoded;
    private long _values;
    private int _objects;

    public PdfReadLimits Limits { get; } = limits;

    public void EnterValue(int depth, int position)
    {
        if (depth > Limits.MaxDepth)
        {
            throw new InvalidDataException(ReportLanguage.Say($"PDF sai cấu trúc: giá trị lồng nhau sâu hơn {Limits.MaxDepth} cấp tại byte {position}.", $"Malformed PDF: values nested more than {Limits.MaxDepth} deep at byte {position}."));
        }

        if (++_values > Limits.MaxValues)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Tệp PDF chứa hơn {Limits.MaxValues} giá trị.", $"The PDF holds more than {Limits.MaxValues} values."));
        }
    }

    public void ReadObject()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (++_objects > Limits.MaxObjects)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Đọc tệp PDF cần hơn {Limits.MaxObjects} đối tượng.", $"Reading the PDF needs more than {Limits.MaxObjects} objects."));
        }
    }

    /// <summary>Counts bytes as a stream inflates, so a small stream cannot expand without limit.</summary>
    public void Decoded(int bytes)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _decoded += bytes;
        if (_decoded > Limits.MaxDecodedBytes)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Các luồng của tệp PDF giải nén ra hơn {Limits.MaxDecodedBytes} byte.", $"The PDF's streams decode to more than {Limits.MaxDecodedBytes} bytes."));
        }
    }

    public void ThrowIfCancelled() => cancellationToken.ThrowIfCancellationRequested();
}
