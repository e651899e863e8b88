using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Cabinet.People;

/// <summary>
/// Ten single-use recovery codes for a lost phone: ten random characters each (50 bits, so a plain SHA-256 is enough
/// to keep them), written <c>abcde-fghij</c>; compared without case, spaces or dashes.
/// </summary>
internal static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static ImmutableArray<string> New() =>
        [.. Enumerable.Range(0, Count).Select(_ => RandomNumberGenerator.GetString(Alphabet, 10).Insert(5, "-"))];

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    /// <summary>Whether <paramref name="code"/> looks like a recovery code at all (else it is taken for a TOTP code).</summary>
    public static bool LooksLikeOne(string code) => Normalize(code).Length == 10;

    private static string Normalize(string code) => new([.. code.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
}
