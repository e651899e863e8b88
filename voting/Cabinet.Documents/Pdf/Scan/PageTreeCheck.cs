namespace Cabinet.Documents.Pdf.Scan;

/// <summary>
/// Walks the /Kids graph with an explicit stack (never the call stack): a node that is its own ancestor is a cycle
/// and the file is damaged; a tree whose leaves, counted with repetition (a kid may be listed more than once),
/// pass the page budget is refused before any reader expands it.
/// </summary>
internal static class PageTreeCheck
{
    public static DocumentError? Check(Dictionary<long, List<long>> kids, DocumentLimits limits, ScanClock clock)
    {
        var leaves = new Dictionary<long, long>(kids.Count);
        var onPath = new HashSet<long>();
        var stack = new Stack<(long Node, int Next)>();
        var steps = 0;
        foreach (var root in kids.Keys)
        {
            if (leaves.ContainsKey(root))
            {
                continue;
            }

            stack.Push((root, 0));
            onPath.Add(root);
            while (stack.TryPop(out var top))
            {
                if (++steps % 4096 == 0 && clock.Expired)
                {
                    return DocumentErrors.TooSlow(clock.Seconds);
                }

                var list = kids[top.Node];
                if (top.Next < list.Count)
                {
                    stack.Push((top.Node, top.Next + 1));
                    var kid = list[top.Next];
                    if (onPath.Contains(kid))
                    {
                        return DocumentErrors.Damaged;
                    }

                    if (kids.ContainsKey(kid) && !leaves.ContainsKey(kid))
                    {
                        stack.Push((kid, 0));
                        onPath.Add(kid);
                    }

                    continue;
                }

                onPath.Remove(top.Node);
                var count = 0L;
                foreach (var kid in list)
                {
                    count = Math.Min(count + leaves.GetValueOrDefault(kid, kids.ContainsKey(kid) ? 0 : 1), int.MaxValue);
                }

                leaves[top.Node] = count;
                if (count > limits.MaxPages)
                {
                    return DocumentErrors.TooManyPages(limits.MaxPages);
                }
            }
        }

        return null;
    }
}
