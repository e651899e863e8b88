using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Web.Identity;

/// <summary>Checks a user name and password against the user's grain (which counts failures and locks the account).</summary>
public sealed class SignInChecker(IGrainFactory grains)
{
    public const int MaxUserName = 64;
    public const int MaxPassword = 128;

    public async Task<Result<UserProfile>> CheckAsync(string? userName, string? password)
    {
        var name = userName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name) || name.Length > MaxUserName || string.IsNullOrEmpty(password) || password.Length > MaxPassword)
        {
            return Result<UserProfile>.Refused(ErrorCodes.SignInFailed);
        }

        return await grains.GetGrain<IUserGrain>(name).SignInAsync(password);
    }
}
