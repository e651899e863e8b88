using System.Text.RegularExpressions;

namespace Cabinet.Documents;

/// <summary>Document ids are short slugs ("d1", "d2", …) assigned by the meeting; anything else is refused before a grain is asked.</summary>
public static partial class DocumentKey
{
    public static bool IsValid(string? documentId) => documentId is { Length: > 0 and <= 40 } && Pattern().IsMatch(documentId);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
