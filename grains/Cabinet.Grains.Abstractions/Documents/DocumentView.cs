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
    public DocumentVersionView? Latest => Versions.IsDefaultOrEmpty ? null : Versions[^1];
}
