namespace Cabinet.Documents;

/// <summary>
/// Meeting document files stored by the lowercase hex SHA-256 of their content. Narrow on purpose so a shared
/// store can replace the folder: storing the same content twice keeps one copy; nothing is ever replaced or removed.
/// </summary>
public interface IDocumentBlobStore
{
    /// <summary>Stores the content under its hash; does nothing when it is already there.</summary>
    /// <exception cref="InvalidDataException">The content's SHA-256 is not <paramref name="sha256"/>.</exception>
    Task PutAsync(string sha256, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The content for reading, or null when no file has that hash.</summary>
    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);
}
