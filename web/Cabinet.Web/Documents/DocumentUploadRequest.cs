namespace Cabinet.Web.Documents;

/// <summary>
/// What accompanies an uploaded PDF. <see cref="DocumentId"/> set: issue a new version of that document (title,
/// item and flags then come from here too).
/// </summary>
public sealed record DocumentUploadRequest(string? DocumentId, string Title, string? ItemId, bool DownloadAllowed, bool Classified);
