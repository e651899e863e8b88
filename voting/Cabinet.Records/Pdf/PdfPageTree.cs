using Cabinet.Records.Archive;

namespace Cabinet.Records.Pdf;

internal static class PdfPageTree
{
    /// <summary>The page objects in document order.</summary>
    public static List<PdfReference> Pages(PdfFile file)
    {
        var pages = new List<PdfReference>();
        var root = file.GetDictionary(file.RootReference);
        Collect(file, root["Pages"] as PdfReference ?? throw new InvalidDataException(ReportLanguage.Say("Danh mục (catalog) không có /Pages.", "The catalog has no /Pages.")), pages, [], 0);
        return pages;
    }

    private static void Collect(PdfFile file, PdfReference node, List<PdfReference> pages, HashSet<int> visited, int depth)
    {
        if (depth > 64 || !visited.Add(node.Number))
        {
            throw new InvalidDataException(ReportLanguage.Say("Cây trang quá sâu hoặc ghi một nút hai lần.", "The page tree is too deep or names a node twice."));
        }

        var dictionary = file.GetDictionary(node);
        if (dictionary["Kids"] is { } kids)
        {
            var children = file.Resolve(kids) as PdfArray ?? throw new InvalidDataException(ReportLanguage.Say("/Kids của một nút cây trang không phải mảng.", "A page tree node's /Kids is not an array."));
            foreach (var kid in children.Items.OfType<PdfReference>())
            {
                Collect(file, kid, pages, visited, depth + 1);
            }
        }
        else
        {
            pages.Add(node);
        }
    }
}
