namespace Cabinet.Documents.Pdf.Scan;

/// <summary>
/// A resumable PDF tokenizer over raw bytes, fed in chunks: it skips comments, literal strings (escapes, nested
/// parentheses) and hex strings, and reports words (names with <c>#xx</c> decoded, integers, keywords) and the
/// brackets. A state machine with a fixed word buffer: no recursion, no allocation, linear in the input.
/// </summary>
internal sealed class PdfTokenizer
{
    private const int MaxWord = 32;
    private readonly byte[] _word = new byte[MaxWord];
    private Mode _mode;
    private int _wordLength, _parens, _nameEscape, _escapeValue;
    private bool _isName, _overflow, _escaped;

    private enum Mode
    {
        Between,
        Comment,
        String,
        Hex,
        Word,
        Less,
        Greater,
    }

    /// <summary>Forgets a token in progress (used after skipping a stream body).</summary>
    public void Reset() => _mode = Mode.Between;

    /// <summary>
    /// Reads from <paramref name="data"/> at <paramref name="index"/> until a token completes (true) or the chunk runs
    /// out (false; the state is kept for the next chunk). <paramref name="dataStart"/> is the chunk's offset.
    /// </summary>
    public bool Next(ReadOnlySpan<byte> data, long dataStart, ref int index, out PdfToken token)
    {
        while (index < data.Length)
        {
            var b = data[index];
            switch (_mode)
            {
                case Mode.Comment:
                    index++;
                    _mode = b is (byte)'\n' or (byte)'\r' ? Mode.Between : Mode.Comment;
                    continue;
                case Mode.String:
                    index++;
                    if (InString(b))
                    {
                        continue;
                    }

                    token = Simple(PdfTokenKind.Other, dataStart + index);
                    return true;
                case Mode.Hex:
                    index++;
                    if (b != '>')
                    {
                        continue;
                    }

                    token = Simple(PdfTokenKind.Other, dataStart + index);
                    return true;
                case Mode.Less:
                    if (b == '<')
                    {
                        index++;
                        _mode = Mode.Between;
                        token = Simple(PdfTokenKind.OpenDictionary, dataStart + index);
                        return true;
                    }

                    _mode = Mode.Hex;
                    continue;
                case Mode.Greater:
                    _mode = Mode.Between;
                    if (b == '>')
                    {
                        index++;
                        token = Simple(PdfTokenKind.CloseDictionary, dataStart + index);
                        return true;
                    }

                    continue;
                case Mode.Word:
                    if (IsDelimiter(b))
                    {
                        token = Complete(dataStart + index);
                        return true;
                    }

                    index++;
                    Append(b);
                    continue;
                default:
                    index++;
                    if (Start(b) is { } kind)
                    {
                        token = Simple(kind, dataStart + index);
                        return true;
                    }

                    continue;
            }
        }

        token = default;
        return false;
    }

    /// <summary>The word left open at the very end of the data, if any.</summary>
    public bool Flush(long end, out PdfToken token)
    {
        token = _mode == Mode.Word ? Complete(end) : default;
        return token.End != 0;
    }

    private PdfTokenKind? Start(byte b)
    {
        switch (b)
        {
            case (byte)'%':
                _mode = Mode.Comment;
                return null;
            case (byte)'(':
                (_mode, _parens, _escaped) = (Mode.String, 1, false);
                return null;
            case (byte)'<':
                _mode = Mode.Less;
                return null;
            case (byte)'>':
                _mode = Mode.Greater;
                return null;
            case (byte)'[':
                return PdfTokenKind.OpenArray;
            case (byte)']':
                return PdfTokenKind.CloseArray;
            case (byte)'/':
                BeginWord(isName: true);
                return null;
            default:
                if (!IsDelimiter(b))
                {
                    BeginWord(isName: false);
                    Append(b);
                }

                return null; // white space, braces and stray ')' carry nothing
        }
    }

    /// <summary>Inside a literal string: false when this byte closed it.</summary>
    private bool InString(byte b)
    {
        if (_escaped)
        {
            _escaped = false;
        }
        else if (b == '\\')
        {
            _escaped = true;
        }
        else if (b == '(')
        {
            _parens++;
        }
        else if (b == ')' && --_parens == 0)
        {
            _mode = Mode.Between;
            return false;
        }

        return true;
    }

    private void BeginWord(bool isName) => (_mode, _isName, _wordLength, _overflow, _nameEscape) = (Mode.Word, isName, 0, false, 0);

    private void Append(byte b)
    {
        if (_isName && _nameEscape == 0 && b == '#')
        {
            _nameEscape = 1;
            return;
        }

        if (_nameEscape > 0)
        {
            var digit = HexValue(b);
            if (digit < 0)
            {
                _nameEscape = 0;
                return; // a malformed escape: the name is no word we react to, so its exact bytes do not matter
            }

            if (_nameEscape == 1)
            {
                (_escapeValue, _nameEscape) = (digit, 2);
                return;
            }

            (b, _nameEscape) = ((byte)((_escapeValue << 4) | digit), 0);
        }

        if (_wordLength == MaxWord)
        {
            _overflow = true;
            return;
        }

        _word[_wordLength++] = b;
    }

    private PdfToken Complete(long end)
    {
        _mode = Mode.Between;
        var word = _word.AsSpan(0, _wordLength);
        if (_overflow)
        {
            return Simple(PdfTokenKind.Other, end);
        }

        if (_isName)
        {
            return new PdfToken(PdfTokenKind.Name, PdfWords.Name(word), 0, end);
        }

        if (PdfWords.Integer(word) is { } value)
        {
            return new PdfToken(PdfTokenKind.Integer, PdfWord.Other, value, end);
        }

        var keyword = PdfWords.Keyword(word);
        return keyword == PdfWord.Other ? Simple(PdfTokenKind.Other, end) : new PdfToken(PdfTokenKind.Keyword, keyword, 0, end);
    }

    private static PdfToken Simple(PdfTokenKind kind, long end) => new(kind, PdfWord.Other, 0, end);

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>White space and the PDF delimiters.</summary>
    public static bool IsDelimiter(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32
        or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
