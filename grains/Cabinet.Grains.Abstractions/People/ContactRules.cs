using System.Net.Mail;
using Cabinet.Errors;

namespace Cabinet.People;

/// <summary>The one check of a person's e-mail address and phone number (profile, settings form, CSV import).</summary>
public static class ContactRules
{
    /// <summary>The address trimmed, or null when empty; refused when it is not one plain address.</summary>
    public static Result<string?> Email(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Result<string?>.Of(null);
        }

        return trimmed.Length <= 254 && MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && parsed.DisplayName.Length == 0
            ? Result<string?>.Of(trimmed)
            : Result<string?>.Refused(ErrorCodes.ContactEmailInvalid);
    }

    /// <summary>The number without spaces, dots or dashes ("+84…" or "0…", 9–15 digits), or null when empty.</summary>
    public static Result<string?> Phone(string? phone)
    {
        var compact = string.Concat((phone ?? "").Where(c => c is not (' ' or '.' or '-' or '(' or ')')));
        if (compact.Length == 0)
        {
            return Result<string?>.Of(null);
        }

        var digits = compact.StartsWith('+') ? compact[1..] : compact;
        return digits.Length is >= 9 and <= 15 && digits.All(char.IsAsciiDigit)
            ? Result<string?>.Of(compact)
            : Result<string?>.Refused(ErrorCodes.ContactPhoneInvalid);
    }
}
