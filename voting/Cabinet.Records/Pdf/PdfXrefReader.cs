using System.Globalization;

namespace Cabinet.Records.Pdf;

/// <summary>Reads every cross-reference section from the newest back along /Prev; a newer section's entry wins.</summary>
internal sealed class PdfXrefReader(PdfFile file, byte[] data, Dictionary<int, PdfXrefEntry?> xref)
{
    private readonly HashSet<long> _visited = [];

    /// <returns>The newest trailer.</returns>
    public PdfDictionary ReadAll(long startXref)
    {
        var newest = ReadSection(startXref);
        return newest;
    }

    private PdfDictionary ReadSection(long offset)
    {
        if (!_visited.Add(offset) || _visited.Count > 1000)
        {
            throw new InvalidDataException("The cross-reference chain loops.");
        }

        if (offset < 0 || offset >= data.Length)
        {
            throw new InvalidDataException($"startxref or /Prev ({offset}) points outside the file.");
        }

        var parser = new PdfParser(data) { Position = (int)offset };
        PdfDictionary trailer;
        if (parser.ReadWord() == "xref")
        {
            trailer = ReadTable(parser);
            if (trailer["XRefStm"] is PdfAtom hybrid)
            {
                ReadSection(hybrid.AsLong());
            }
        }
        else
        {
            trailer = ReadStream(offset);
        }

        if (trailer["Prev"] is PdfAtom previous)
        {
            ReadSection(previous.AsLong());
        }

        return trailer;
    }

    private PdfDictionary ReadTable(PdfParser parser)
    {
        while (true)
        {
            var word = parser.ReadWord();
            if (word == "trailer")
            {
                return parser.ReadValue() as PdfDictionary ?? throw parser.Malformed("a trailer dictionary");
            }

            var start = int.Parse(word, CultureInfo.InvariantCulture);
            var count = int.Parse(parser.ReadWord(), CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                var position = long.Parse(parser.ReadWord(), CultureInfo.InvariantCulture);
                parser.ReadWord();
                var kind = parser.ReadWord();
                xref.TryAdd(start + i, kind == "n" ? new PdfXrefEntry(position, 0, 0) : null);
            }
        }
    }

    private PdfDictionary ReadStream(long offset)
    {
        var (value, raw) = file.ReadIndirectObject(offset);
        if (value is not PdfDictionary dictionary || (dictionary["Type"] as PdfName)?.Value != "XRef" || raw is null)
        {
            throw new InvalidDataException($"No cross-reference table or stream at byte {offset}.");
        }

        var widths = ((PdfArray)dictionary["W"]!).Items.Cast<PdfAtom>().Select(a => (int)a.AsLong()).ToArray();
        var size = (int)((PdfAtom)dictionary["Size"]!).AsLong();
        var index = (dictionary["Index"] as PdfArray)?.Items.Cast<PdfAtom>().Select(a => (int)a.AsLong()).ToArray() ?? [0, size];
        var rows = PdfStreamDecoder.Decode(dictionary, raw);
        var rowLength = widths.Sum();
        var at = 0;
        for (var section = 0; section + 1 < index.Length; section += 2)
        {
            for (var i = 0; i < index[section + 1]; i++, at += rowLength)
            {
                if (at + rowLength > rows.Length)
                {
                    throw new InvalidDataException("The cross-reference stream is shorter than its /Index says.");
                }

                var type = widths[0] == 0 ? 1 : Field(rows, at, widths[0]);
                var second = Field(rows, at + widths[0], widths[1]);
                var third = Field(rows, at + widths[0] + widths[1], widths[2]);
                xref.TryAdd(index[section] + i, type switch
                {
                    1 => new PdfXrefEntry(second, 0, 0),
                    2 => new PdfXrefEntry(0, (int)second, (int)third),
                    _ => null,
                });
            }
        }

        return dictionary;
    }

    private static long Field(byte[] rows, int at, int width)
    {
        long value = 0;
        for (var i = 0; i < width; i++)
        {
            value = (value << 8) | rows[at + i];
        }

        return value;
    }
}
