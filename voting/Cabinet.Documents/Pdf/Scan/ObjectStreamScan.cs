namespace Cabinet.Documents.Pdf.Scan;

/// <summary>
/// The decoded text of a compressed object stream (<c>/Type /ObjStm</c>), scanned as it inflates: its header of
/// object numbers and offsets says which object each token belongs to, so page objects and /Kids inside it count
/// like those in the file itself, and its nesting is held to the same budget.
/// </summary>
internal sealed class ObjectStreamScan
{
    /// <summary>Header entries kept for attributing tokens; objects past this are counted as unnamed (each page counts).</summary>
    private const int MaxHeaderEntries = 100_000;

    private readonly PdfTokenizer _tokenizer = new();
    private readonly PdfStructureObserver _observer;
    private readonly List<(long Number, long Offset)> _header = [];
    private readonly long _first;
    private long _position;
    private long? _pendingNumber;
    private int _next;
    private bool _inObjects;

    public ObjectStreamScan(ScanFacts facts, DocumentLimits limits, long? first)
    {
        _observer = new PdfStructureObserver(facts, limits);
        _first = first ?? 0;
        _inObjects = first is null;
    }

    public DocumentError? Feed(ReadOnlySpan<byte> chunk)
    {
        var index = 0;
        while (_tokenizer.Next(chunk, _position, ref index, out var token))
        {
            if (Observe(token) is { } error)
            {
                return error;
            }
        }

        _position += chunk.Length;
        return null;
    }

    public DocumentError? Finish() => _tokenizer.Flush(_position, out var token) ? Observe(token) : null;

    private DocumentError? Observe(in PdfToken token)
    {
        if (!_inObjects && token.End <= _first)
        {
            Header(token);
            return null;
        }

        if (!_inObjects)
        {
            _inObjects = true;
            _header.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        }

        while (_next < _header.Count && _first + _header[_next].Offset < token.End)
        {
            _observer.EnterObject(_header[_next++].Number);
        }

        return _observer.Observe(token);
    }

    private void Header(in PdfToken token)
    {
        if (token.Kind != PdfTokenKind.Integer || _header.Count >= MaxHeaderEntries)
        {
            return;
        }

        if (_pendingNumber is { } number)
        {
            _header.Add((number, token.Integer));
            _pendingNumber = null;
        }
        else
        {
            _pendingNumber = token.Integer;
        }
    }
}
