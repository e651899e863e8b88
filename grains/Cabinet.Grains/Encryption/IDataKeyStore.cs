namespace Cabinet.Encryption;

/// <summary>Where the wrapped data keys live: beside the data they open (the data folder, or the shared Redis).</summary>
public interface IDataKeyStore
{
    IReadOnlyList<StoredDataKey> Load();

    /// <summary>Adds a key unless one of its id is already there (another host made it first); true when added.</summary>
    bool TryAdd(StoredDataKey key);

    /// <summary>Replaces every stored key's wrapping at once (a new KEK); ids and key material do not change.</summary>
    void ReplaceAll(IReadOnlyList<StoredDataKey> keys);
}
