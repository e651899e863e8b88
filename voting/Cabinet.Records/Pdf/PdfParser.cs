using System.Text;
using Cabinet.Records.Archive;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Parses PDF objects from raw file bytes (ISO 32000-1 §7.2–7.3), tolerant of any whitespace and comments.
/// Nesting and the number of values are bounded by the <see cref="PdfReadBudget"/>, so no input exhausts the stack.
/// </summary>
internal sealed class PdfParser(byte[] data, PdfReadBudget? budget = null)
{
    private readonly PdfReadBudget _budget = budget ?? new PdfReadBudget(PdfReadLimits.Default);
    private int _position;

    public int Position
    {
        get => _position;
        set => _position = value;
    }

    public static bool IsWhitespace(byte b) => PdfStrings.IsWhitespace(b);

    public static bool IsDelimiter(byte b) => PdfStrings.IsDelimiter(b);

    public void SkipWhitespace()
    {
        while (Position < data.Length)
        {
            if (data[Position] == '%')
            {
                while (Position < data.Length && data[Position] is not (10 or 13))
                {
                    Position++;
                }
            }
            else if (IsWhitespace(data[Position]))
            {
                Position++;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Reads a bare word (number or keyword) without consuming what follows.</summary>
    public string ReadWord()
    {
        SkipWhitespace();
        var start = Position;
        while (Position < data.Length && !IsWhitespace(data[Position]) && !IsDelimiter(data[Position]))
        {
            Position++;
        }

        if (start == Position)
        {
            throw Malformed(ReportLanguage.Say("một từ", "a word"));
        }

        return Encoding.Latin1.GetString(data, start, Position - start);
    }

    public void Expect(string keyword)
    {
        var word = ReadWord();
        if (word != keyword)
        {
            throw Malformed(ReportLanguage.Say($"'{keyword}' nhưng gặp '{word}'", $"'{keyword}' but found '{word}'"));
        }
    }

    public PdfValue ReadValue() => ReadValue(0);

    private PdfValue ReadValue(int depth)
    {
        SkipWhitespace();
        if (Position >= data.Length)
        {
            throw Malformed(ReportLanguage.Say("một giá trị trước khi hết tệp", "a value before the end of the file"));
        }

        _budget.EnterValue(depth, Position);

        switch (data[Position])
        {
            case (byte)'/':
                Position++;
                return new PdfName(PdfStrings.ReadName(data, ref _position));
            case (byte)'(':
                return new PdfBytes(PdfStrings.ReadLiteral(data, ref _position));
            case (byte)'[':
                Position++;
                var items = new List<PdfValue>();
                while (Peek() != ']')
                {
                    items.Add(ReadValue(depth + 1));
                }

                Position++;
                return new PdfArray(items);
            case (byte)'<' when Position + 1 < data.Length && data[Position + 1] == '<':
                Position += 2;
                var entries = new List<KeyValuePair<string, PdfValue>>();
                while (Peek() != '>')
                {
                    if (ReadValue(depth + 1) is not PdfName key)
                    {
                        throw Malformed(ReportLanguage.Say("một tên làm khóa từ điển", "a name as dictionary key"));
                    }

                    entries.Add(new(key.Value, ReadValue(depth + 1)));
                }

                Position += Position + 1 < data.Length && data[Position + 1] == '>' ? 2 : throw Malformed("'>>'");
                return new PdfDictionary(entries);
            case (byte)'<':
                return new PdfBytes(PdfStrings.ReadHex(data, ref _position));
            default:
                return ReadNumberOrReference();
        }
    }

    private PdfValue ReadNumberOrReference()
    {
        var word = ReadWord();
        if (!IsInteger(word))
        {
            return new PdfAtom(word);
        }

        // "12 0 R" is a reference; look ahead and rewind when it is just a number.
        var rewind = Position;
        SkipWhitespace();
        if (Position < data.Length && char.IsAsciiDigit((char)data[Position]))
        {
            var generation = ReadWord();
            SkipWhitespace();
            if (IsInteger(generation) && Position < data.Length && data[Position] == 'R'
                && (Position + 1 == data.Length || IsWhitespace(data[Position + 1]) || IsDelimiter(data[Position + 1])))
            {
                Position++;
                return new PdfReference(int.Parse(word, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(generation, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Position = rewind;
        return new PdfAtom(word);
    }

    private static bool IsInteger(string word) => word.Length > 0 && word.All(char.IsAsciiDigit);

    private byte Peek()
    {
        SkipWhitespace();
        return Position < data.Length ? data[Position] : throw Malformed(ReportLanguage.Say("thêm dữ liệu", "more data"));
    }

    public InvalidDataException Malformed(string expected) =>
        new(ReportLanguage.Say($"PDF sai cấu trúc: cần {expected} tại byte {Position}.", $"Malformed PDF: expected {expected} at byte {Position}."));
}
