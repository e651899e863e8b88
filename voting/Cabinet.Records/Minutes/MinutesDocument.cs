namespace Cabinet.Records.Minutes;

/// <summary>A document discussed under an item, identified by its exact version and content hash.</summary>
/// <param name="Withheld">In the archive, why the version's bytes are not in it (<see cref="Classified"/> or
/// <see cref="NoDownload"/>): the archive is downloaded by everyone who may see the meeting, and these may not be.</param>
public sealed record MinutesDocument(string Title, string Version, string Sha256, string? Withheld = null)
{
    /// <summary>A classified version is read on paper only, so its bytes never leave the document store.</summary>
    public const string Classified = "classified";

    /// <summary>A version the organisers let people read in the viewer but not download.</summary>
    public const string NoDownload = "noDownload";
}
