using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Cabinet.People;

/// <summary>
/// Password hashes by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, its own
/// versioned format). Hashes from before it ("pbkdf2-sha256$iterations$salt$hash") still verify, and ask to be
/// rehashed at the next successful sign-in, as are hashes of fewer iterations than <see cref="PasswordHashSettings.Iterations"/>.
/// </summary>
public sealed class PasswordHash
{
    private const string LegacyPrefix = "pbkdf2-sha256$";
    private readonly PasswordHasher<UserState> _hasher;

    /// <summary>A hash of a random password nobody knows: checked for unknown user names, so they cost what a real check costs.</summary>
    private readonly Lazy<string> _decoy;

    public PasswordHash(PasswordHashSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _hasher = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = settings.Iterations }));
        _decoy = new(() => Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }

    public string Create(string password) => _hasher.HashPassword(null!, password);

    public PasswordVerificationResult Verify(string password, string stored) =>
        stored.StartsWith(LegacyPrefix, StringComparison.Ordinal)
            ? VerifyLegacy(password, stored) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed
            : string.IsNullOrEmpty(stored) ? PasswordVerificationResult.Failed
            : _hasher.VerifyHashedPassword(null!, stored, password);

    /// <summary>Spends the time of a real check on a password that cannot match.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(null!, _decoy.Value, password);

    private static bool VerifyLegacy(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !int.TryParse(parts[1], out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
