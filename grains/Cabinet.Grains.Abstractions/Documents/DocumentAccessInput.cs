namespace Cabinet.Documents;

/// <summary>What the file endpoint reports after it has checked the person's right to the version.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-access-input")]
public sealed record DocumentAccessInput(string UserName, string DisplayName, string Organization, string DocumentId, int Version, DocumentAccessKind Kind);
