using System.Collections.Frozen;
using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>
/// What a new password must be (NIST SP 800-63B 3.1.1.2): long enough — 8 characters, 12 for administrators, whose
/// account reaches everyone's — at most 256, not one of the common passwords shipped with Cabinet and not the user
/// name. No composition rules: a long phrase beats "Abc@1234".
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MinLengthForAdministrators = 12;
    public const int MaxLength = 256;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// <returns>null when the password may be used, otherwise why not.</returns>
    public static CabinetError? Check(string? password, string userName, bool isAdministrator)
    {
        var min = isAdministrator ? MinLengthForAdministrators : MinLength;
        if (password is null || password.Length < min)
        {
            return ErrorCodes.PasswordTooShort with { Message = $"{ErrorCodes.PasswordTooShort.Message} Cần ít nhất {min} ký tự." };
        }

        if (password.Length > MaxLength)
        {
            return ErrorCodes.PasswordTooLong with { Message = $"{ErrorCodes.PasswordTooLong.Message} Tối đa {MaxLength} ký tự." };
        }

        var folded = password.Trim().ToLowerInvariant();
        return Common.Value.Contains(folded) || (userName.Length >= 4 && folded.Contains(userName, StringComparison.OrdinalIgnoreCase)) ? ErrorCodes.PasswordCommon : null;
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Cabinet.People.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length > 0)
            {
                entries.Add(line);
            }
        }

        return entries.ToFrozenSet(StringComparer.Ordinal);
    }
}
