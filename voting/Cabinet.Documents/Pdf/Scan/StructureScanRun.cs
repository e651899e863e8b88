namespace Cabinet.Documents.Pdf.Scan;

/// <summary>One pass over a file's raw bytes (see <see cref="PdfStructureScan"/>), then the checks on what it found.</summary>
internal sealed class StructureScanRun
{
    private const int Slice = 64 * 1024;
    private readonly byte[] _content;
    private readonly DocumentLimits _limits;
    private readonly ScanClock _clock;
    private readonly ScanFacts _facts;
    private readonly PdfStructureObserver _observer;
    private readonly FlateBudget _flate;

    public StructureScanRun(byte[] content, DocumentLimits limits)
    {
        (_content, _limits) = (content, limits);
        _clock = new ScanClock(limits.MaxInspectionSeconds);
        _facts = new ScanFacts(limits);
        _observer = new PdfStructureObserver(_facts, limits);
        _flate = new FlateBudget(limits, _clock);
    }

    public DocumentError? Check() =>
        Tokens() ?? ReferenceCycles.Check(_facts.References, _clock) ?? PageTreeCheck.Check(_facts.Kids, _limits, _clock);

    private DocumentError? Tokens()
    {
        var tokenizer = new PdfTokenizer();
        var index = 0;
        while (index < _content.Length)
        {
            if (_clock.Expired)
            {
                return DocumentErrors.TooSlow(_clock.Seconds);
            }

            var slice = _content.AsSpan(0, Math.Min(_content.Length, index + Slice));
            while (tokenizer.Next(slice, 0, ref index, out var token))
            {
                if (_observer.Observe(token) is { } error)
                {
                    return error;
                }

                if (token.Is(PdfTokenKind.Keyword, PdfWord.Stream))
                {
                    if (Stream((int)token.End, ref index) is { } streamError)
                    {
                        return streamError;
                    }

                    tokenizer.Reset();
                    break; // the slice is measured again from the end of the stream
                }
            }
        }

        return tokenizer.Flush(_content.Length, out var last) ? _observer.Observe(last) : null;
    }

    /// <summary>Finds the body after a <c>stream</c> keyword, inflates it if it is Flate, and moves past <c>endstream</c>.</summary>
    private DocumentError? Stream(int keywordEnd, ref int index)
    {
        var start = BodyStart(keywordEnd);
        var dictionary = _observer.Dictionary;
        int end;
        if (dictionary.LengthReference is { } reference)
        {
            // The length is another object's value; lenient readers find the end by the keyword, and so does the scan.
            _facts.Refers(_observer.CurrentObject, reference);
            end = -1;
        }
        else
        {
            end = dictionary.Length is { } length && length >= 0 && length <= _content.Length - start && EndstreamAt(start + (int)length) ? start + (int)length : -1;
        }

        if (end < 0)
        {
            var found = _content.AsSpan(start).IndexOf("endstream"u8);
            end = found < 0 ? _content.Length : start + found;
        }

        index = Math.Min(_content.Length, SkipWhite(end) + "endstream".Length);
        return dictionary.Flate
            ? _flate.Inflate(_content, start, end - start, dictionary.ObjectStream ? new ObjectStreamScan(_facts, _limits, dictionary.First) : null)
            : null;
    }

    /// <summary>The body starts after the end of line that follows the keyword (CR LF, LF, or a lone CR).</summary>
    private int BodyStart(int keywordEnd)
    {
        var at = keywordEnd;
        while (at < _content.Length && _content[at] == ' ')
        {
            at++;
        }

        if (at < _content.Length && _content[at] == '\r')
        {
            at++;
        }

        if (at < _content.Length && _content[at] == '\n')
        {
            at++;
        }

        return at;
    }

    private bool EndstreamAt(int at) => _content.AsSpan(SkipWhite(at)).StartsWith("endstream"u8);

    private int SkipWhite(int at)
    {
        while (at < _content.Length && _content[at] is 0 or 9 or 10 or 12 or 13 or 32)
        {
            at++;
        }

        return at;
    }
}
