using System.Globalization;
using Cabinet.Records.Archive;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Reads every cross-reference section from the newest back along /Prev (and a hybrid file's /XRefStm); a newer
/// section's entry wins. Sections are followed with an explicit stack, each at most once, within the budget.
/// </summary>
internal sealed class PdfXrefReader(PdfFile file, byte[] data, Dictionary<int, PdfXrefEntry?> xref, PdfReadBudget budget)
{
    private const int MaxFieldWidth = 8;

    /// <returns>The newest trailer.</returns>
    public PdfDictionary ReadAll(long startXref)
    {
        var visited = new HashSet<long>();
        var pending = new Stack<long>([startXref]);
        PdfDictionary? newest = null;
        while (pending.Count > 0)
        {
            var offset = pending.Pop();
            if (!visited.Add(offset) || visited.Count > budget.Limits.MaxSections)
            {
                throw new InvalidDataException(ReportLanguage.Say("Chuỗi bảng tham chiếu chéo bị lặp hoặc quá dài.", "The cross-reference chain loops or is too long."));
            }

            var (trailer, hybrid) = ReadSection(offset);
            newest ??= trailer;
            if (Offset(trailer, "Prev") is { } previous)
            {
                pending.Push(previous);
            }

            if (hybrid is { } stream)
            {
                pending.Push(stream); // read before /Prev: it belongs to this revision
            }
        }

        return newest!;
    }

    private (PdfDictionary Trailer, long? Hybrid) ReadSection(long offset)
    {
        if (offset < 0 || offset >= data.Length)
        {
            throw new InvalidDataException(ReportLanguage.Say($"startxref hoặc /Prev ({offset}) trỏ ra ngoài tệp.", $"startxref or /Prev ({offset}) points outside the file."));
        }

        budget.ThrowIfCancelled();
        var parser = new PdfParser(data, budget) { Position = (int)offset };
        if (parser.ReadWord() == "xref")
        {
            var trailer = ReadTable(parser);
            return (trailer, Offset(trailer, "XRefStm"));
        }

        return (ReadStream(offset), null);
    }

    private static long? Offset(PdfDictionary trailer, string key) => trailer[key] switch
    {
        null => null,
        PdfAtom atom when long.TryParse(atom.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new InvalidDataException(ReportLanguage.Say($"/{key} trong trailer không phải vị trí byte.", $"The trailer's /{key} is not a byte offset.")),
    };

    private PdfDictionary ReadTable(PdfParser parser)
    {
        while (true)
        {
            var word = parser.ReadWord();
            if (word == "trailer")
            {
                return parser.ReadValue() as PdfDictionary ?? throw parser.Malformed("a trailer dictionary");
            }

            var start = Count(word, "subsection start");
            var count = Count(parser.ReadWord(), "subsection count");
            for (var i = 0; i < count; i++)
            {
                var position = long.Parse(parser.ReadWord(), CultureInfo.InvariantCulture);
                parser.ReadWord();
                var kind = parser.ReadWord();
                Add(start + i, kind == "n" ? new PdfXrefEntry(position, 0, 0) : null);
            }
        }
    }

    private PdfDictionary ReadStream(long offset)
    {
        var (value, raw) = file.ReadIndirectObject(offset);
        if (value is not PdfDictionary dictionary || (dictionary["Type"] as PdfName)?.Value != "XRef" || raw is null)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Không có bảng hay luồng tham chiếu chéo tại byte {offset}.", $"No cross-reference table or stream at byte {offset}."));
        }

        var widths = Integers(dictionary["W"], "/W");
        if (widths.Length != 3 || widths.Any(w => w > MaxFieldWidth) || widths.Sum() == 0)
        {
            throw new InvalidDataException(ReportLanguage.Say("/W của luồng tham chiếu chéo không phải ba độ rộng trường, mỗi trường tối đa 8 byte.", "The cross-reference stream's /W is not three field widths of at most 8 bytes."));
        }

        var size = dictionary["Size"] is PdfAtom sizeAtom ? Count(sizeAtom.Raw, "/Size") : throw new InvalidDataException(ReportLanguage.Say("Luồng tham chiếu chéo không có /Size.", "The cross-reference stream has no /Size."));
        var index = dictionary["Index"] is { } indexValue ? Integers(indexValue, "/Index") : [0, size];
        if (index.Length % 2 != 0 || index.Where((_, i) => i % 2 == 1).Sum(n => (long)n) > budget.Limits.MaxObjects)
        {
            throw new InvalidDataException(ReportLanguage.Say("/Index của luồng tham chiếu chéo không phải các cặp số đầu và số lượng trong giới hạn đối tượng.", "The cross-reference stream's /Index is not pairs of start and count within the object limit."));
        }

        var rows = PdfStreamDecoder.Decode(dictionary, raw, budget);
        var rowLength = widths.Sum();
        var at = 0L;
        for (var section = 0; section < index.Length; section += 2)
        {
            for (var i = 0; i < index[section + 1]; i++, at += rowLength)
            {
                if (at + rowLength > rows.Length)
                {
                    throw new InvalidDataException(ReportLanguage.Say("Luồng tham chiếu chéo ngắn hơn /Index ghi.", "The cross-reference stream is shorter than its /Index says."));
                }

                var type = widths[0] == 0 ? 1 : Field(rows, at, widths[0]);
                var second = Field(rows, at + widths[0], widths[1]);
                var third = Field(rows, at + widths[0] + widths[1], widths[2]);
                Add(index[section] + i, type switch
                {
                    1 when second < data.Length => new PdfXrefEntry(second, 0, 0),
                    1 => throw new InvalidDataException(ReportLanguage.Say($"Luồng tham chiếu chéo đặt đối tượng {index[section] + i} ra ngoài cuối tệp.", $"The cross-reference stream puts object {index[section] + i} beyond the end of the file.")),
                    2 when second is > 0 and <= int.MaxValue && third <= int.MaxValue => new PdfXrefEntry(0, (int)second, (int)third),
                    2 => throw new InvalidDataException(ReportLanguage.Say($"Luồng tham chiếu chéo đặt đối tượng {index[section] + i} vào một luồng đối tượng không thể có.", $"The cross-reference stream puts object {index[section] + i} in an impossible object stream.")),
                    _ => null,
                });
            }
        }

        return dictionary;
    }

    private void Add(long number, PdfXrefEntry? entry)
    {
        if (number > int.MaxValue)
        {
            throw new InvalidDataException(ReportLanguage.Say("Dữ liệu tham chiếu chéo đánh số một đối tượng vượt quá số lớn nhất có thể.", "The cross-reference data numbers an object beyond the largest possible."));
        }

        xref.TryAdd((int)number, entry);
        if (xref.Count > budget.Limits.MaxObjects)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Tệp PDF khai báo hơn {budget.Limits.MaxObjects} đối tượng.", $"The PDF declares more than {budget.Limits.MaxObjects} objects."));
        }
    }

    private int Count(string word, string what) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= budget.Limits.MaxObjects
            ? value
            : throw new InvalidDataException(ReportLanguage.Say($"Dữ liệu tham chiếu chéo có {what} không thể có ('{(word.Length > 20 ? word[..20] + "…" : word)}').", $"The cross-reference data has an impossible {what} ('{(word.Length > 20 ? word[..20] + "…" : word)}')."));

    private int[] Integers(PdfValue? value, string what) => value is PdfArray array && array.Items.Count <= 2 * budget.Limits.MaxSections
        ? [.. array.Items.Select(item => item is PdfAtom atom ? Count(atom.Raw, what) : throw new InvalidDataException(ReportLanguage.Say($"{what} của luồng tham chiếu chéo chứa giá trị không phải số.", $"The cross-reference stream's {what} holds a non-number.")))]
        : throw new InvalidDataException(ReportLanguage.Say($"Luồng tham chiếu chéo không có {what} hợp lệ.", $"The cross-reference stream has no valid {what}."));

    private static long Field(byte[] rows, long at, int width)
    {
        long value = 0;
        for (var i = 0; i < width; i++)
        {
            value = (value << 8) | rows[at + i];
        }

        return value;
    }
}
