namespace Cabinet.Documents;

/// <summary>Who first opened one document, and when (pre-reading, for the secretary).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.document-reading")]
public sealed record DocumentReading(string DocumentId, string UserName, DateTimeOffset FirstOpenedAt);
