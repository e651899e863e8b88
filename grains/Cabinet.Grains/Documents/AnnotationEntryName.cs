using System.Text.RegularExpressions;

namespace Cabinet.Documents;

/// <summary>The names a store accepts for an entry and the keys it accepts for a document (both also become file names).</summary>
internal static partial class AnnotationEntryName
{
    public static string Require(string name) =>
        Pattern().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not an annotation entry name.", nameof(name));

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    public static void RequireDocument(string meetingId, string documentId)
    {
        if (!Meetings.MeetingKey.IsValid(meetingId) || !DocumentKey.IsValid(documentId))
        {
            throw new ArgumentException($"'{meetingId}' / '{documentId}' is not a meeting's document.", nameof(documentId));
        }
    }

    /// <summary>How an entry is named in its envelope: under its meeting's organisation, bound to its document.</summary>
    public static Encryption.RecordName RecordOf(string meetingId, string documentId, string name) => new("annotation", $"{meetingId}#{documentId}/{name}");

    [GeneratedRegex("^[a-z][a-z0-9]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
