namespace Cabinet.Records.Minutes;

/// <summary>A document discussed under an item, identified by its exact version and content hash.</summary>
public sealed record MinutesDocument(string Title, string Version, string Sha256);
