namespace Cabinet.Web.Components.Documents;

/// <summary>
/// The pages the viewer's page list shows buttons for: at most <see cref="Size"/> around the current one (first and
/// last are offered as shortcuts outside it), so a long document never builds one element per page.
/// </summary>
public readonly record struct PageWindow(int First, int Last, int Pages)
{
    public const int Size = 50;

    public bool ShowsFirst => First > 1;

    public bool ShowsLast => Last < Pages;

    public static PageWindow Around(int page, int pages)
    {
        var first = Math.Max(1, Math.Min(page - (Size / 2), pages - Size + 1));
        return new PageWindow(first, Math.Min(pages, first + Size - 1), pages);
    }
}
