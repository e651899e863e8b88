namespace Cabinet.Encryption;

/// <summary>A data key as stored: its id (<c>scope:version</c>), wrapped by the KEK, never in the clear.</summary>
public sealed record StoredDataKey(string Id, string Scope, int Version, byte[] Wrapped, DateTimeOffset Created)
{
    public static string IdOf(string scope, int version) => $"{scope}:{version}";
}
