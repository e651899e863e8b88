using System.Security.Cryptography;
using Cabinet.Polls;
using Cabinet.Voting.Ballots;

namespace Cabinet.People;

/// <summary>
/// The person's active device keys, imported once per activation rather than once per signature (importing costs
/// more than checking). Bounded by the active devices a person may have; a revoked device's key is forgotten.
/// </summary>
internal sealed class DeviceKeys
{
    private readonly Dictionary<string, ECDsa?> _keys = new(StringComparer.Ordinal);

    /// <summary>The device's imported key, or null when its stored key is not a P-256 key.</summary>
    public ECDsa? For(DeviceKey device)
    {
        if (!_keys.TryGetValue(device.DeviceId, out var key))
        {
            key = Import(device.PublicKeySpki);
            if (_keys.Count >= UserGrain.MaxActiveDevices)
            {
                Clear();
            }

            _keys[device.DeviceId] = key;
        }

        return key;
    }

    public void Forget(string deviceId)
    {
        if (_keys.Remove(deviceId, out var key))
        {
            key?.Dispose();
        }
    }

    public void Clear()
    {
        foreach (var key in _keys.Values)
        {
            key?.Dispose();
        }

        _keys.Clear();
    }

    /// <summary>The P-256 public key of a stored SPKI (base64), or null when it is not one. The caller disposes it.</summary>
    public static ECDsa? Import(string spkiBase64)
    {
        var spki = new byte[spkiBase64.Length];
        return Convert.TryFromBase64String(spkiBase64, spki, out var length) ? BallotSignatureVerifier.ImportP256(spki[..length]) : null;
    }
}
