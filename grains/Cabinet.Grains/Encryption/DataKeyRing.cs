using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Cabinet.Encryption;

/// <summary>
/// The data keys, unwrapped once and kept in memory: one per scope (an organisation, or the installation) and version.
/// New records are sealed under the newest version of their scope; older versions stay to open older records. A scope's
/// first key is made on its first write; a key another host made is found by reloading the store on a miss.
/// </summary>
public sealed class DataKeyRing : IDisposable
{
    private const int KeySize = 32;

    private readonly Lock _lock = new();
    private readonly IKeyEncryptionKey _kek;
    private readonly IDataKeyStore _store;
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Id, int Version, byte[] Key)> _newest = new(StringComparer.Ordinal);

    private DataKeyRing(IKeyEncryptionKey kek, IDataKeyStore store) => (_kek, _store) = (kek, store);

    public string KekDescription => _kek.Description;

    /// <summary>Every scope that has a key.</summary>
    public IReadOnlyCollection<string> Scopes => [.. _newest.Keys];

    /// <summary>How many data keys the ring holds (every version of every scope).</summary>
    public int Count => _keys.Count;

    /// <summary>Unwraps every stored data key with <paramref name="kek"/>; the ring owns the KEK from here on.</summary>
    /// <exception cref="EncryptionKeyException">A stored key does not unwrap: the KEK is not the one they were wrapped with.</exception>
    public static DataKeyRing Open(IKeyEncryptionKey kek, IDataKeyStore store)
    {
        var ring = new DataKeyRing(kek, store);
        try
        {
            ring.Reload();
            return ring;
        }
        catch
        {
            ring.Dispose();
            throw;
        }
    }

    /// <summary>The key new records of <paramref name="scope"/> are sealed under; made (and stored wrapped) on first use.</summary>
    public (string Id, byte[] Key) Newest(string scope)
    {
        if (_newest.TryGetValue(scope, out var newest))
        {
            return (newest.Id, newest.Key);
        }

        lock (_lock)
        {
            Reload();
            if (!_newest.ContainsKey(scope))
            {
                Add(scope, 1);
            }

            newest = _newest[scope];
            return (newest.Id, newest.Key);
        }
    }

    /// <exception cref="CryptographicException">No data key has that id, here or in the store.</exception>
    public byte[] Key(string id)
    {
        if (_keys.TryGetValue(id, out var key))
        {
            return key;
        }

        lock (_lock)
        {
            Reload();
            return _keys.TryGetValue(id, out key) ? key : throw new CryptographicException($"No data key '{id}' is stored: the record cannot be opened.");
        }
    }

    /// <summary>Rotation: a new version for every scope, so that every new record is sealed under a new key.</summary>
    public void AddVersions()
    {
        lock (_lock)
        {
            Reload();
            foreach (var (scope, newest) in _newest.ToArray())
            {
                Add(scope, newest.Version + 1);
            }
        }
    }

    /// <summary>Rotation of the KEK: every data key wrapped again under <paramref name="next"/>; the keys themselves do not change.</summary>
    public void RewrapUnder(IKeyEncryptionKey next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_lock)
        {
            var stored = _store.Load();
            var rewrapped = stored.Select(k => k with { Wrapped = next.Wrap(k.Id, Unwrap(k)) }).ToList();
            foreach (var key in rewrapped)
            {
                _ = next.Unwrap(key.Id, key.Wrapped); // never store what the new key cannot open
            }

            _store.ReplaceAll(rewrapped);
        }
    }

    private void Add(string scope, int version)
    {
        var id = StoredDataKey.IdOf(scope, version);
        var key = RandomNumberGenerator.GetBytes(KeySize);
        _ = _store.TryAdd(new StoredDataKey(id, scope, version, _kek.Wrap(id, key), DateTimeOffset.UtcNow));
        Reload(); // another host may have stored that id first: its key is the one
    }

    private void Reload()
    {
        foreach (var stored in _store.Load().OrderBy(k => k.Version))
        {
            var key = _keys.GetOrAdd(stored.Id, _ => Unwrap(stored));
            if (!_newest.TryGetValue(stored.Scope, out var newest) || newest.Version < stored.Version)
            {
                _newest[stored.Scope] = (stored.Id, stored.Version, key);
            }
        }
    }

    private byte[] Unwrap(StoredDataKey stored)
    {
        try
        {
            return _kek.Unwrap(stored.Id, stored.Wrapped);
        }
        catch (CryptographicException ex)
        {
            throw new EncryptionKeyException($"The stored data key '{stored.Id}' does not unwrap with {_kek.Description}: this is not the "
                + "key-encryption key the data was encrypted under (or the stored key was altered). Configure the right key "
                + "(Cabinet:Encryption:KeyFile or Cabinet:Encryption:Pkcs11); nothing was read or changed.", ex);
        }
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        _kek.Dispose();
    }
}
