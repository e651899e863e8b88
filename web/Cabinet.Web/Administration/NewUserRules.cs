using System.Text.RegularExpressions;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Web.Identity;

namespace Cabinet.Web.Administration;

/// <summary>What a new account (or an edit of one) must look like; the password rules are <see cref="PasswordRules"/>.</summary>
public static partial class NewUserRules
{
    public const int MaxDisplayName = 120;
    public const int MaxPosition = 200;

    /// <param name="passwordRequired">False where a missing password is generated (the import, the /admin page).</param>
    public static CabinetError? Check(NewUser? user, bool passwordRequired = true)
    {
        if (user is null || !IsUserName(user.UserName))
        {
            return ErrorCodes.Invalid($"Tên đăng nhập '{user?.UserName}' phải gồm 3–64 ký tự a-z, 0-9 hoặc dấu chấm.");
        }

        if (CheckProfile(user.DisplayName, user.Position) is { } profile)
        {
            return profile with { Message = $"{profile.Message} ({user.UserName})" };
        }

        if ((People.ContactRules.Email(user.Email).Error ?? People.ContactRules.Phone(user.Phone).Error) is { } contact)
        {
            return contact with { Message = $"{contact.Message} ({user.UserName})" };
        }

        if (OrganizationRoles.Parse(user.Role) is not { } role)
        {
            return ErrorCodes.Invalid($"Vai trò của '{user.UserName}' phải là member, organizer hoặc administrator.");
        }

        return user.Password is null && !passwordRequired ? null
            : PasswordRules.Check(user.Password, user.UserName!, isAdministrator: role == OrganizationRole.Administrator) is { } weak
                ? weak with { Message = $"Mật khẩu của '{user.UserName}': {weak.Message}" }
                : null;
    }

    public static CabinetError? CheckProfile(string? displayName, string? position) =>
        string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaxDisplayName || (position?.Length ?? 0) > MaxPosition
            ? ErrorCodes.Invalid($"Họ tên (1–{MaxDisplayName} ký tự) hoặc chức vụ (tối đa {MaxPosition} ký tự) không hợp lệ.")
            : null;

    public static bool IsUserName(string? userName) => userName is not null && UserNamePattern().IsMatch(userName);

    [GeneratedRegex("^[a-z0-9.]{3,64}$")]
    private static partial Regex UserNamePattern();
}
