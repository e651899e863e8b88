namespace Cabinet.Documents.Pdf.Scan;

/// <summary>
/// What the scan learns about the whole file (page objects, the page tree's kids, which object a length points to),
/// each bounded: the counts that grow with the input stop at a budget.
/// </summary>
internal sealed class ScanFacts(DocumentLimits limits)
{
    /// <summary>A reference chain longer than this many objects is not recorded (the isolated reader still bounds it).</summary>
    private const int MaxReferences = 1_000_000;

    private readonly Dictionary<long, int> _pageMarks = [];
    private int _kidCount;

    public int Pages { get; private set; }

    /// <summary>Object number → its /Kids (the latest definition of the object wins, as in an incremental update).</summary>
    public Dictionary<long, List<long>> Kids { get; } = [];

    /// <summary>Object number → the object whose value it needs first: a stream's indirect /Length, or a bare reference.</summary>
    public Dictionary<long, long> References { get; } = [];

    /// <summary>
    /// A <c>/Type /Page</c> seen for the <paramref name="count"/>th time in the current definition of an object;
    /// a redefinition (incremental update) does not count twice, objects outside any known number always count.
    /// </summary>
    public DocumentError? PageSeen(long objectNumber, int count)
    {
        if (objectNumber < 0)
        {
            Pages++;
        }
        else if (count > _pageMarks.GetValueOrDefault(objectNumber))
        {
            Pages += count - _pageMarks.GetValueOrDefault(objectNumber);
            _pageMarks[objectNumber] = count;
        }

        return Pages > limits.MaxPages ? DocumentErrors.TooManyPages(limits.MaxPages) : null;
    }

    /// <summary>A new /Kids array of an object (each list counts as one kid towards the bound, so empty ones do too).</summary>
    public (List<long> Kids, DocumentError? Error) StartKids(long objectNumber)
    {
        if (Kids.Remove(objectNumber, out var previous))
        {
            _kidCount -= previous.Count + 1;
        }

        var kids = new List<long>();
        Kids[objectNumber] = kids;
        return (kids, Counted());
    }

    /// <summary>A page tree has about one kid per page and per node; far more kids than pages allowed is refused.</summary>
    public DocumentError? KidAdded(List<long> kids, long kid)
    {
        kids.Add(kid);
        return Counted();
    }

    private DocumentError? Counted() => ++_kidCount > (4L * limits.MaxPages) + 1000 ? DocumentErrors.TooManyPages(limits.MaxPages) : null;

    public void Refers(long objectNumber, long target)
    {
        if (objectNumber >= 0 && (References.Count < MaxReferences || References.ContainsKey(objectNumber)))
        {
            References[objectNumber] = target;
        }
    }
}
