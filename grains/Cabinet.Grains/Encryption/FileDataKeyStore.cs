using Cabinet.Storage;

namespace Cabinet.Encryption;

/// <summary>
/// The embedded mode's data keys: <c>&lt;DataPath&gt;/keys/data-keys.json</c>, owner-only, replaced whole (one process
/// writes a data folder, and a new key is rare: a new organisation, a rotation).
/// </summary>
public sealed class FileDataKeyStore(string dataPath) : IDataKeyStore
{
    public const string FileName = "data-keys.json";

    private readonly Lock _lock = new();
    private readonly string _path = Path.Combine(dataPath, "keys", FileName);

    public IReadOnlyList<StoredDataKey> Load()
    {
        lock (_lock)
        {
            return File.Exists(_path) ? DataKeyJson.ReadAll(File.ReadAllBytes(_path)) : [];
        }
    }

    public bool TryAdd(StoredDataKey key)
    {
        lock (_lock)
        {
            var keys = File.Exists(_path) ? DataKeyJson.ReadAll(File.ReadAllBytes(_path)) : [];
            if (keys.Any(k => k.Id == key.Id))
            {
                return false;
            }

            keys.Add(key);
            Save(keys);
            return true;
        }
    }

    public void ReplaceAll(IReadOnlyList<StoredDataKey> keys)
    {
        lock (_lock)
        {
            Save(keys);
        }
    }

    private void Save(IReadOnlyList<StoredDataKey> keys)
    {
        PrivateFiles.Folder(Path.GetDirectoryName(_path)!);
        PrivateFiles.Replace(_path, DataKeyJson.Write(keys));
    }
}
