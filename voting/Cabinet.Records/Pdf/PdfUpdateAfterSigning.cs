using Cabinet.Records.Archive;

namespace Cabinet.Records.Pdf;

/// <summary>
/// An incremental update between a signature and the document timestamp that covers it (PAdES-B-LTA) may add only
/// validation data: a /DSS in the catalog, the timestamp's field and its invisible widget. Anything else (a page's
/// content, a resource, a new visible annotation) would change what the earlier signers signed, under a timestamp
/// that vouches only for the time. Both revisions are whole PDFs, so each object the update touches is compared with
/// the object it replaces.
/// </summary>
internal static class PdfUpdateAfterSigning
{
    private static readonly string[] CatalogKeys = ["DSS", "AcroForm", "Extensions"];
    private static readonly string[] FormKeys = ["Fields", "SigFlags"];

    /// <returns>null when the update between <paramref name="signedEnd"/> and <paramref name="updateEnd"/> only adds validation data, or what else it changes.</returns>
    public static string? FirstForbiddenChange(byte[] pdf, long signedEnd, long updateEnd, PdfReadLimits limits, CancellationToken cancellationToken)
    {
        var before = PdfFile.Open(pdf[..(int)signedEnd], limits, cancellationToken);
        var after = PdfFile.Open(pdf[..(int)updateEnd], limits, cancellationToken);
        var root = after.RootReference.Number;
        var form = after.GetDictionary(after.RootReference)["AcroForm"] is PdfReference f ? f.Number : -1;
        for (var number = 1; number < after.Size; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!WrittenAfter(after, number, signedEnd))
            {
                continue;
            }

            var value = after.GetObject(number);
            if (before.EntryOf(number) is null)
            {
                if (value is PdfDictionary { } added && added["Subtype"] is PdfName { Value: not "Widget" } subtype)
                {
                    return ReportLanguage.Say($"đối tượng {number} thêm một chú thích {subtype.Value}", $"object {number} adds a {subtype.Value} annotation");
                }

                if (value is PdfDictionary widget && widget["Subtype"] is PdfName { Value: "Widget" } && !IsInvisible(widget))
                {
                    return ReportLanguage.Say($"đối tượng {number} thêm một widget hiển thị", $"object {number} adds a visible widget");
                }

                continue; // new validation data: certificates, CRLs, OCSP responses, the timestamp's field and dictionary
            }

            var old = before.GetObject(number);
            var allowed = number == root ? CatalogKeys
                : number == form ? FormKeys
                : old is PdfDictionary { } page && page["Type"] is PdfName { Value: "Page" } ? ["Annots"]
                : [];
            if (Without(old, allowed) != Without(value, allowed))
            {
                return number == root ? ReportLanguage.Say("sửa danh mục tài liệu (catalog) ngoài việc thêm /DSS", "it changes the document catalog beyond adding /DSS")
                    : old is PdfDictionary { } p && p["Type"] is PdfName { Value: "Page" } ? ReportLanguage.Say($"sửa đối tượng trang {number}", $"it changes page object {number}")
                    : ReportLanguage.Say($"sửa đối tượng {number}", $"it changes object {number}");
            }

            if (old is PdfDictionary { } oldPage && oldPage["Type"] is PdfName { Value: "Page" }
                && NewAnnotations(before, after, oldPage, (PdfDictionary)value).FirstOrDefault(a => !IsInvisible(a)) is not null)
            {
                return ReportLanguage.Say($"thêm một chú thích hiển thị vào đối tượng trang {number}", $"it adds a visible annotation to page object {number}");
            }
        }

        return null;
    }

    private static bool WrittenAfter(PdfFile file, int number, long signedEnd) => file.EntryOf(number) switch
    {
        null => false,
        { InObjectStream: true } entry => file.EntryOf(entry.Container) is { } container && container.Offset >= signedEnd,
        { } entry => entry.Offset >= signedEnd,
    };

    private static string Without(PdfValue value, string[] keys) =>
        value is PdfDictionary dictionary ? new PdfDictionary([.. dictionary.Entries.Where(e => !keys.Contains(e.Key))]).ToString() : value.ToString();

    private static IEnumerable<PdfDictionary> NewAnnotations(PdfFile before, PdfFile after, PdfDictionary oldPage, PdfDictionary newPage)
    {
        var known = (before.Resolve(oldPage["Annots"]) as PdfArray)?.Items.OfType<PdfReference>().Select(r => r.Number).ToHashSet() ?? [];
        return ((after.Resolve(newPage["Annots"]) as PdfArray)?.Items ?? [])
            .Where(a => a is not PdfReference r || !known.Contains(r.Number))
            .Select(a => after.Resolve(a)).OfType<PdfDictionary>();
    }

    // A zero-area rectangle or the Hidden/NoView flags: it paints nothing on the page.
    private static bool IsInvisible(PdfDictionary annotation)
    {
        var flags = annotation["F"] is PdfAtom f && long.TryParse(f.Raw, out var v) ? v : 0;
        if ((flags & (2 | 32)) != 0)
        {
            return true;
        }

        return annotation["Rect"] is PdfArray { Items: [PdfAtom x1, PdfAtom y1, PdfAtom x2, PdfAtom y2] }
            && double.TryParse(x1.Raw, System.Globalization.CultureInfo.InvariantCulture, out var a) && double.TryParse(x2.Raw, System.Globalization.CultureInfo.InvariantCulture, out var c)
            && double.TryParse(y1.Raw, System.Globalization.CultureInfo.InvariantCulture, out var b) && double.TryParse(y2.Raw, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && (a == c || b == d);
    }
}
