namespace Cabinet.Documents;

/// <summary>
/// A checked PDF whose bytes are already in the blob store, to be recorded in the meeting as a new document
/// (<see cref="DocumentId"/> null) or as the next version of an existing one.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-upload")]
public sealed record DocumentUpload(string? DocumentId, string Title, string? ItemId, bool DownloadAllowed, bool Classified, string Sha256, long Bytes, int Pages);
