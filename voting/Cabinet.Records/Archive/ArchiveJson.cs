using System.Text.Json;
using Cabinet.Voting.Canonical;

namespace Cabinet.Records.Archive;

/// <summary>
/// Reads the archive's JSON files strictly: the canonical form's names, a depth bound, no duplicate keys, no
/// missing constructor property and no null where the record says there is none. Anything else is a
/// <see cref="JsonException"/> the caller turns into a plain reason.
/// </summary>
internal static class ArchiveJson
{
    public const int MaxDepth = 64;

    public static readonly JsonSerializerOptions Options = new(CanonicalJson.Options)
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<T>(utf8, Options) ?? throw new JsonException(ReportLanguage.Say($"null ở chỗ cần {typeof(T).Name}", $"null where a {typeof(T).Name} belongs"));

    /// <summary>
    /// The exception's message without the serializer's type names, for a plain report. The serializer's own messages
    /// (they carry a path) are English: the Vietnamese report names only where the JSON went wrong.
    /// </summary>
    public static string Reason(JsonException e) => e.Path is { } path
        ? ReportLanguage.Say($"JSON sai tại {path}", $"{FirstSentence(e.Message)} (at {path})")
        : FirstSentence(e.Message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
