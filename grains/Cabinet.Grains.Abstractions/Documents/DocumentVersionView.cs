namespace Cabinet.Documents;

/// <summary>One issued version of a document (numbered from 1); the file is stored by its SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-version")]
public sealed record DocumentVersionView(int Number, string Sha256, long Bytes, int Pages, DateTimeOffset IssuedAt, string IssuedBy);
