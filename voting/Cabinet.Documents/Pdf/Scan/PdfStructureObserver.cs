namespace Cabinet.Documents.Pdf.Scan;

/// <summary>
/// Follows the token sequence of a file (or of a decoded object stream): nesting depth against its budget, which
/// object it is in, page objects, /Kids arrays, references that must be resolved first, and the dictionary in front
/// of the next <c>stream</c> keyword. Patterns are a key name followed directly by its value.
/// </summary>
internal sealed class PdfStructureObserver(ScanFacts facts, DocumentLimits limits)
{
    private PdfToken _p1, _p2, _p3;
    private int _depth, _kidsDepth, _pageMarks;
    private List<long>? _kids;

    public StreamDictionary Dictionary { get; private set; } = new();

    /// <summary>The object the tokens belong to; -1 outside any numbered object.</summary>
    public long CurrentObject { get; private set; } = -1;

    public void EnterObject(long number) => (CurrentObject, _pageMarks, _kids) = (number, 0, null);

    public DocumentError? Observe(in PdfToken token)
    {
        var error = token.Kind switch
        {
            PdfTokenKind.OpenDictionary or PdfTokenKind.OpenArray => Open(token.Kind),
            PdfTokenKind.CloseDictionary or PdfTokenKind.CloseArray => Close(token.Kind),
            PdfTokenKind.Name => Name(token.Word),
            PdfTokenKind.Integer => Integer(token.Integer),
            PdfTokenKind.Keyword => Keyword(token.Word),
            _ => null,
        };
        (_p3, _p2, _p1) = (_p2, _p1, token);
        return error;
    }

    private DocumentError? Open(PdfTokenKind kind)
    {
        if (++_depth > limits.MaxNestingDepth)
        {
            return DocumentErrors.TooDeep(limits.MaxNestingDepth);
        }

        if (kind == PdfTokenKind.OpenDictionary && _depth == 1)
        {
            Dictionary = new StreamDictionary();
        }

        if (kind == PdfTokenKind.OpenArray && _p1.Is(PdfTokenKind.Name, PdfWord.Kids))
        {
            (_kids, var error) = facts.StartKids(CurrentObject);
            _kidsDepth = _depth;
            return error;
        }

        return null;
    }

    private DocumentError? Close(PdfTokenKind kind)
    {
        if (kind == PdfTokenKind.CloseArray && _kids is not null && _depth == _kidsDepth)
        {
            _kids = null;
        }

        _depth = Math.Max(0, _depth - 1);
        return null;
    }

    private DocumentError? Name(PdfWord word)
    {
        if (_p1.Is(PdfTokenKind.Name, PdfWord.Type))
        {
            if (word == PdfWord.Page)
            {
                return facts.PageSeen(CurrentObject, ++_pageMarks);
            }

            Dictionary.ObjectStream |= word == PdfWord.ObjStm && _depth == 1;
        }

        if (word == PdfWord.FlateDecode
            && ((_depth == 1 && _p1.Is(PdfTokenKind.Name, PdfWord.Filter))
                || (_depth == 2 && _p1.Kind == PdfTokenKind.OpenArray && _p2.Is(PdfTokenKind.Name, PdfWord.Filter))))
        {
            Dictionary.Flate = true;
        }

        return null;
    }

    private DocumentError? Integer(long value)
    {
        if (_depth == 1 && _p1.Kind == PdfTokenKind.Name)
        {
            switch (_p1.Word)
            {
                case PdfWord.Length:
                    Dictionary.Length = value;
                    break;
                case PdfWord.N:
                    Dictionary.N = value;
                    break;
                case PdfWord.First:
                    Dictionary.First = value;
                    break;
            }
        }

        return null;
    }

    private DocumentError? Keyword(PdfWord word)
    {
        var reference = _p1.Kind == PdfTokenKind.Integer && _p2.Kind == PdfTokenKind.Integer;
        switch (word)
        {
            case PdfWord.Obj when reference:
                EnterObject(_p2.Integer);
                _depth = 0; // an object starts at the top, whatever the previous one left open
                break;
            case PdfWord.EndObj:
                EnterObject(-1);
                break;
            case PdfWord.R when reference:
                if (_depth == 0)
                {
                    facts.Refers(CurrentObject, _p2.Integer); // an object whose whole value is a reference
                }
                else if (_depth == 1 && _p3.Is(PdfTokenKind.Name, PdfWord.Length))
                {
                    Dictionary.LengthReference = _p2.Integer;
                }

                if (_kids is not null && _depth == _kidsDepth)
                {
                    return facts.KidAdded(_kids, _p2.Integer);
                }

                break;
        }

        return null;
    }
}
