using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cabinet.Documents;

/// <summary>
/// An annotation entry as stored, written the way the hub writes it (camelCase, enums as camelCase strings, non-ASCII
/// escaped), so its stored length is its length on the wire: what a page of the listing is measured by.
/// </summary>
internal static class AnnotationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static byte[] Write(AnnotationView view) => JsonSerializer.SerializeToUtf8Bytes(view, Options);

    public static AnnotationView Read(byte[] json) => JsonSerializer.Deserialize<AnnotationView>(json, Options)
        ?? throw new InvalidDataException("An annotation entry holds no annotation.");

    public static byte[] Write(AnnotationHeader header) => JsonSerializer.SerializeToUtf8Bytes(header, Options);

    public static AnnotationHeader ReadHeader(byte[] json) => JsonSerializer.Deserialize<AnnotationHeader>(json, Options)
        ?? throw new InvalidDataException("The annotation header is empty.");
}

/// <summary>
/// What a document's annotations need beside themselves: the next number to give (never one a deleted annotation had)
/// and the latest version they have all been brought up to. Stored only when either changes past what the entries show.
/// </summary>
internal sealed record AnnotationHeader(int NextNumber, int ReanchoredThrough)
{
    public const string EntryName = "header";
}
