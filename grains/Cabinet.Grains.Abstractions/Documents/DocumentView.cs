using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>
/// A meeting document as every participant sees it in the meeting snapshot. A classified document
/// ("tài liệu mật — không phát hành điện tử") is listed by its title only: its file is never served.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-view")]
public sealed record DocumentView(
    string DocumentId,
    string Title,
    string? ItemId,
    bool DownloadAllowed,
    bool Classified,
    ImmutableArray<DocumentVersionView> Versions)
{
    /// <summary>Whether the viewer lays the reader's name over the pages, to discourage photographs of the screen.</summary>
    [Id(6)] public bool ScreenWatermark { get; init; }

    public DocumentVersionView? Latest => Versions.IsDefaultOrEmpty ? null : Versions[^1];
}
