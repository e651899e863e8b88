namespace Cabinet.Records.Pdf;

internal static class PdfPageTree
{
    /// <summary>The page objects in document order.</summary>
    public static List<PdfReference> Pages(PdfFile file)
    {
        var pages = new List<PdfReference>();
        var root = file.GetDictionary(file.RootReference);
        Collect(file, root["Pages"] as PdfReference ?? throw new InvalidDataException("The catalog has no /Pages."), pages, 0);
        return pages;
    }

    private static void Collect(PdfFile file, PdfReference node, List<PdfReference> pages, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidDataException("The page tree is too deep.");
        }

        var dictionary = file.GetDictionary(node);
        if (dictionary["Kids"] is { } kids)
        {
            foreach (var kid in ((PdfArray)file.Resolve(kids)).Items.OfType<PdfReference>())
            {
                Collect(file, kid, pages, depth + 1);
            }
        }
        else
        {
            pages.Add(node);
        }
    }
}
