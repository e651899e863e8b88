using System.Text.Json;

namespace Cabinet.Encryption;

/// <summary>The JSON form of stored data keys, shared by both stores.</summary>
internal static class DataKeyJson
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web);

    public static byte[] Write(StoredDataKey key) => JsonSerializer.SerializeToUtf8Bytes(key, _options);

    public static byte[] Write(IReadOnlyList<StoredDataKey> keys) => JsonSerializer.SerializeToUtf8Bytes(keys, _options);

    public static StoredDataKey Read(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<StoredDataKey>(json, _options)!;

    public static List<StoredDataKey> ReadAll(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<List<StoredDataKey>>(json, _options)!;
}
