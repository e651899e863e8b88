using System.Text;
using Cabinet.Records.Archive;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Read-only access to a PDF's objects through its cross-reference chain: classic tables, cross-reference streams,
/// hybrid files and object streams, following /Prev back through every earlier revision. Every read is bounded by a
/// <see cref="PdfReadBudget"/>; a reference cycle (an object whose /Length is itself) is refused, not followed.
/// </summary>
internal sealed class PdfFile
{
    private readonly byte[] _data;
    private readonly PdfReadBudget _budget;
    private readonly Dictionary<int, PdfXrefEntry?> _xref = [];
    private readonly Dictionary<int, PdfValue> _objects = [];
    private readonly Dictionary<int, (byte[] Data, int First, Dictionary<int, int> Offsets)> _objectStreams = [];
    private readonly HashSet<int> _resolving = [];

    private PdfFile(byte[] data, PdfReadBudget budget)
    {
        (_data, _budget) = (data, budget);
        StartXref = FindStartXref(data);
        Trailer = new PdfXrefReader(this, data, _xref, budget).ReadAll(StartXref);
        if (Trailer["Encrypt"] is not null)
        {
            throw new NotSupportedException(ReportLanguage.Say("Tệp PDF mã hóa không thể được ký hay kiểm tra ở đây.", "Encrypted PDFs cannot be signed or verified here."));
        }
    }

    public long StartXref { get; }

    /// <summary>The newest trailer (for a cross-reference stream: its dictionary).</summary>
    public PdfDictionary Trailer { get; }

    public int Size => (int)Math.Clamp((Trailer["Size"] as PdfAtom)?.AsLong() ?? 0, 0, int.MaxValue);

    public PdfReference RootReference => Trailer["Root"] as PdfReference ?? throw new InvalidDataException(ReportLanguage.Say("Tệp PDF không có /Root.", "The PDF has no /Root."));

    public static PdfFile Open(byte[] data) => new(data, new PdfReadBudget(PdfReadLimits.Default));

    /// <summary>Opens a PDF from outside under <paramref name="limits"/>, stopping when <paramref name="cancellationToken"/> fires.</summary>
    public static PdfFile Open(byte[] data, PdfReadLimits limits, CancellationToken cancellationToken) =>
        new(data, new PdfReadBudget(limits, cancellationToken));

    /// <summary>Where the newest cross-reference puts object <paramref name="number"/>, or null when it is free or unknown.</summary>
    public PdfXrefEntry? EntryOf(int number) => _xref.TryGetValue(number, out var entry) ? entry : null;

    public PdfValue Resolve(PdfValue? value) => value switch
    {
        PdfReference reference => GetObject(reference.Number),
        null => new PdfAtom("null"),
        _ => value,
    };

    public PdfDictionary GetDictionary(PdfValue? value) =>
        Resolve(value) as PdfDictionary ?? throw new InvalidDataException(ReportLanguage.Say($"Cần một từ điển (dictionary), gặp {Kind(value)}.", $"Expected a dictionary, found {Kind(value)}."));

    public PdfValue GetObject(int number)
    {
        if (_objects.TryGetValue(number, out var known))
        {
            return known;
        }

        if (!_xref.TryGetValue(number, out var entry) || entry is not { } found)
        {
            return new PdfAtom("null");
        }

        // Reading an object can resolve others (a stream's /Length, its object stream): refuse cycles and deep chains.
        if (!_resolving.Add(number))
        {
            throw new InvalidDataException(ReportLanguage.Say($"Đối tượng {number} tham chiếu vòng lại chính nó.", $"Object {number} refers back to itself (a reference cycle)."));
        }

        try
        {
            if (_resolving.Count > _budget.Limits.MaxDepth)
            {
                throw new InvalidDataException(ReportLanguage.Say($"Tham chiếu nối nhau sâu hơn {_budget.Limits.MaxDepth} cấp.", $"References are chained more than {_budget.Limits.MaxDepth} deep."));
            }

            _budget.ReadObject();
            return _objects[number] = found.InObjectStream ? ReadFromObjectStream(number, found) : ReadIndirectObject(found.Offset, number).Value;
        }
        finally
        {
            _resolving.Remove(number);
        }
    }

    private PdfValue ReadFromObjectStream(int number, PdfXrefEntry found)
    {
        var (data, first, offsets) = LoadObjectStream(found.Container);
        if (!offsets.TryGetValue(number, out var offset) || (long)first + offset >= data.Length)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Đối tượng {number} không có trong luồng đối tượng {found.Container}.", $"Object {number} is missing from object stream {found.Container}."));
        }

        return new PdfParser(data, _budget) { Position = first + offset }.ReadValue();
    }

    /// <summary>Reads "n g obj … endobj" at <paramref name="offset"/>, with the raw (undecoded) bytes of its stream if any.</summary>
    public (PdfValue Value, byte[]? Stream) ReadIndirectObject(long offset, int? expectedNumber = null)
    {
        if (offset < 0 || offset >= _data.Length)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Một vị trí đối tượng ({offset}) trỏ ra ngoài tệp.", $"An object offset ({offset}) points outside the file."));
        }

        _budget.ThrowIfCancelled();
        var parser = new PdfParser(_data, _budget) { Position = (int)offset };
        var number = int.Parse(parser.ReadWord(), System.Globalization.CultureInfo.InvariantCulture);
        if (expectedNumber is { } expected && number != expected)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Bảng tham chiếu chéo trỏ đối tượng {expected} vào đối tượng {number}.", $"The cross-reference table points object {expected} at object {number}."));
        }

        parser.ReadWord();
        parser.Expect("obj");
        var value = parser.ReadValue();
        var afterValue = parser.Position;
        if (value is not PdfDictionary dictionary || parser.Position >= _data.Length || parser.ReadWord() != "stream")
        {
            parser.Position = afterValue;
            return (value, null);
        }

        long start = parser.Position;
        start += start < _data.Length && _data[start] == '\r' ? 2 : 1; // "stream" is followed by CRLF or LF
        var length = (Resolve(dictionary["Length"]) as PdfAtom)?.AsLong() ?? throw parser.Malformed("a stream /Length");
        if (length < 0 || start > _data.Length || length > _data.Length - start)
        {
            throw parser.Malformed("a stream that ends inside the file");
        }

        return (value, _data[(int)start..(int)(start + length)]);
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
            : throw new InvalidDataException(ReportLanguage.Say($"Luồng đối tượng {number} không có trong tệp.", $"Object stream {number} is not in the file."));
        var (value, raw) = ReadIndirectObject(offset, number);
        if (value is not PdfDictionary dictionary || raw is null)
        {
            throw new InvalidDataException(ReportLanguage.Say($"Đối tượng {number} không phải luồng.", $"Object stream {number} is not a stream."));
        }

        var data = PdfStreamDecoder.Decode(dictionary, raw, _budget);
        var count = Integer(dictionary, "N", _budget.Limits.MaxObjects, number);
        var first = Integer(dictionary, "First", data.Length, number);
        var header = new PdfParser(data, _budget);
        var offsets = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var objectNumber = int.Parse(header.ReadWord(), System.Globalization.CultureInfo.InvariantCulture);
            offsets[objectNumber] = int.Parse(header.ReadWord(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return _objectStreams[number] = (data, first, offsets);
    }

    private static int Integer(PdfDictionary dictionary, string key, int max, int streamNumber) =>
        dictionary[key] is PdfAtom atom && long.TryParse(atom.Raw, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= max
            ? (int)value
            : throw new InvalidDataException(ReportLanguage.Say($"Luồng đối tượng {streamNumber} không có /{key} hợp lệ.", $"Object stream {streamNumber} has no valid /{key}."));

    private static string Kind(PdfValue? value) => value switch
    {
        PdfReference r => $"object {r.Number}",
        PdfArray => "an array",
        PdfAtom a => a.Raw.Length <= 20 ? $"'{a.Raw}'" : "a long word",
        _ => value?.GetType().Name ?? "nothing",
    };

    private static long FindStartXref(byte[] data)
    {
        var tail = Math.Max(0, data.Length - 2048);
        var text = Encoding.Latin1.GetString(data, tail, data.Length - tail);
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidDataException(ReportLanguage.Say("Không phải tệp PDF: không có 'startxref' ở gần cuối tệp.", "Not a PDF: no 'startxref' near the end of the file."));
        }

        var parser = new PdfParser(data) { Position = tail + at + "startxref".Length };
        return long.Parse(parser.ReadWord(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
