namespace Cabinet.Documents.Pdf.Scan;

/// <summary>
/// Each object needs at most one other object's value first (a stream its indirect /Length, a bare reference its
/// target), so these references form chains; a chain that comes back on itself (a /Length of <c>5 0 R</c> inside
/// object 5, or two streams giving each other's lengths) makes a recursive reader loop until its stack is gone.
/// Walked iteratively, each object once.
/// </summary>
internal static class ReferenceCycles
{
    public static DocumentError? Check(Dictionary<long, long> references, ScanClock clock)
    {
        var settled = new HashSet<long>();
        var path = new HashSet<long>();
        var steps = 0;
        foreach (var start in references.Keys)
        {
            path.Clear();
            for (var current = start; !settled.Contains(current); )
            {
                if (++steps % 4096 == 0 && clock.Expired)
                {
                    return DocumentErrors.TooSlow(clock.Seconds);
                }

                if (!path.Add(current))
                {
                    return DocumentErrors.Damaged;
                }

                if (!references.TryGetValue(current, out current))
                {
                    break;
                }
            }

            settled.UnionWith(path);
        }

        return null;
    }
}
