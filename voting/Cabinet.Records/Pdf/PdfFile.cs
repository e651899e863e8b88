using System.Text;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Read-only access to a PDF's objects through its cross-reference chain: classic tables, cross-reference streams,
/// hybrid files and object streams, following /Prev back through every earlier revision.
/// </summary>
internal sealed class PdfFile
{
    private readonly byte[] _data;
    private readonly Dictionary<int, PdfXrefEntry?> _xref = [];
    private readonly Dictionary<int, (byte[] Data, int First, Dictionary<int, int> Offsets)> _objectStreams = [];

    private PdfFile(byte[] data)
    {
        _data = data;
        StartXref = FindStartXref(data);
        Trailer = new PdfXrefReader(this, data, _xref).ReadAll(StartXref);
        if (Trailer["Encrypt"] is not null)
        {
            throw new NotSupportedException("Encrypted PDFs cannot be signed or verified here.");
        }
    }

    public long StartXref { get; }

    /// <summary>The newest trailer (for a cross-reference stream: its dictionary).</summary>
    public PdfDictionary Trailer { get; }

    public int Size => (int)((Trailer["Size"] as PdfAtom)?.AsLong() ?? 0);

    public PdfReference RootReference => Trailer["Root"] as PdfReference ?? throw new InvalidDataException("The PDF has no /Root.");

    public static PdfFile Open(byte[] data) => new(data);

    public PdfValue Resolve(PdfValue? value) => value switch
    {
        PdfReference reference => GetObject(reference.Number),
        null => new PdfAtom("null"),
        _ => value,
    };

    public PdfDictionary GetDictionary(PdfValue? value) =>
        Resolve(value) as PdfDictionary ?? throw new InvalidDataException($"Expected a dictionary for {value}.");

    public PdfValue GetObject(int number)
    {
        if (!_xref.TryGetValue(number, out var entry) || entry is not { } found)
        {
            return new PdfAtom("null");
        }

        if (!found.InObjectStream)
        {
            return ReadIndirectObject(found.Offset, number).Value;
        }

        var (data, first, offsets) = LoadObjectStream(found.Container);
        if (!offsets.TryGetValue(number, out var offset))
        {
            throw new InvalidDataException($"Object {number} is missing from object stream {found.Container}.");
        }

        return new PdfParser(data) { Position = first + offset }.ReadValue();
    }

    /// <summary>Reads "n g obj … endobj" at <paramref name="offset"/>, with the raw (undecoded) bytes of its stream if any.</summary>
    public (PdfValue Value, byte[]? Stream) ReadIndirectObject(long offset, int? expectedNumber = null)
    {
        if (offset < 0 || offset >= _data.Length)
        {
            throw new InvalidDataException($"An object offset ({offset}) points outside the file.");
        }

        var parser = new PdfParser(_data) { Position = (int)offset };
        var number = int.Parse(parser.ReadWord(), System.Globalization.CultureInfo.InvariantCulture);
        if (expectedNumber is { } expected && number != expected)
        {
            throw new InvalidDataException($"The cross-reference table points object {expected} at object {number}.");
        }

        parser.ReadWord();
        parser.Expect("obj");
        var value = parser.ReadValue();
        var afterValue = parser.Position;
        if (value is not PdfDictionary dictionary || parser.ReadWord() != "stream")
        {
            parser.Position = afterValue;
            return (value, null);
        }

        var start = parser.Position;
        start += _data[start] == '\r' ? 2 : 1; // "stream" is followed by CRLF or LF
        var length = (int)((Resolve(dictionary["Length"]) as PdfAtom)?.AsLong() ?? throw parser.Malformed("a stream /Length"));
        if (start + length > _data.Length)
        {
            throw parser.Malformed("a stream that ends inside the file");
        }

        return (value, _data[start..(start + length)]);
    }

    /// <summary>The page objects in document order.</summary>
    public List<PdfReference> PageReferences() => PdfPageTree.Pages(this);

    private (byte[] Data, int First, Dictionary<int, int> Offsets) LoadObjectStream(int number)
    {
        if (_objectStreams.TryGetValue(number, out var cached))
        {
            return cached;
        }

        var offset = _xref.GetValueOrDefault(number) is { InObjectStream: false } entry
            ? entry.Offset
            : throw new InvalidDataException($"Object stream {number} is not in the file.");
        var (value, raw) = ReadIndirectObject(offset, number);
        var dictionary = (PdfDictionary)value;
        var data = PdfStreamDecoder.Decode(dictionary, raw ?? []);
        var count = (int)((PdfAtom)dictionary["N"]!).AsLong();
        var first = (int)((PdfAtom)dictionary["First"]!).AsLong();
        var header = new PdfParser(data);
        var offsets = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var objectNumber = int.Parse(header.ReadWord(), System.Globalization.CultureInfo.InvariantCulture);
            offsets[objectNumber] = int.Parse(header.ReadWord(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return _objectStreams[number] = (data, first, offsets);
    }

    private static long FindStartXref(byte[] data)
    {
        var tail = Math.Max(0, data.Length - 2048);
        var text = Encoding.Latin1.GetString(data, tail, data.Length - tail);
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidDataException("Not a PDF: no 'startxref' near the end of the file.");
        }

        var parser = new PdfParser(data) { Position = tail + at + "startxref".Length };
        return long.Parse(parser.ReadWord(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
