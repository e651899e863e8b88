namespace Cabinet.Documents;

/// <summary>
/// One line of a meeting's access log: who (user name, name and organisation as they were), which document version,
/// what (<see cref="DocumentAccessKind"/>), when, and for a copy its <see cref="CopyId"/> (<see cref="CopyIds"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-access-record")]
public sealed record DocumentAccessRecord(
    long Sequence,
    DateTimeOffset At,
    string UserName,
    string DisplayName,
    string Organization,
    string DocumentId,
    int Version,
    DocumentAccessKind Kind,
    string? CopyId);
