using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Storage;

namespace Cabinet.People;

public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.People)] IPersistentState<UserState> state,
    TimeProvider clock) : Grain, IUserGrain
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    public async Task<CommandResult> RegisterAsync(UserRegistration registration)
    {
        if (state.State.Profile is not null)
        {
            return CommandResult.Refused(ErrorCodes.Invalid("Tên đăng nhập đã tồn tại."));
        }

        if (registration.Password.Length < 8)
        {
            return CommandResult.Refused(ErrorCodes.Invalid("Mật khẩu cần ít nhất 8 ký tự."));
        }

        state.State = state.State with
        {
            Profile = registration.Profile with { UserName = this.GetPrimaryKeyString() },
            PasswordHash = PasswordHash.Create(registration.Password),
        };
        await state.WriteStateAsync();
        return CommandResult.Accepted(1);
    }

    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<Result<UserProfile>> SignInAsync(string password)
    {
        var now = clock.GetUtcNow();
        if (state.State.Profile is not { } profile)
        {
            // Same answer as a wrong password, so sign-in does not reveal which user names exist.
            return Result<UserProfile>.Refused(ErrorCodes.SignInFailed);
        }

        if (state.State.LockedUntil > now)
        {
            return Result<UserProfile>.Refused(ErrorCodes.AccountLocked);
        }

        if (PasswordHash.Verify(password, state.State.PasswordHash))
        {
            if (state.State.FailedSignIns > 0)
            {
                state.State = state.State with { FailedSignIns = 0, LockedUntil = null };
                await state.WriteStateAsync();
            }

            return Result<UserProfile>.Of(profile);
        }

        var failures = state.State.FailedSignIns + 1;
        var locked = failures >= MaxFailedSignIns;
        state.State = state.State with { FailedSignIns = locked ? 0 : failures, LockedUntil = locked ? now + LockOut : null };
        await state.WriteStateAsync();
        return Result<UserProfile>.Refused(locked ? ErrorCodes.AccountLocked : ErrorCodes.SignInFailed);
    }

    public async Task<CommandResult> SetOrganizationRoleAsync(OrganizationRole role)
    {
        if (state.State.Profile is not { } profile || !Enum.IsDefined(role))
        {
            return CommandResult.Refused(state.State.Profile is null ? ErrorCodes.UnknownUser : ErrorCodes.Invalid("Vai trò không hợp lệ."));
        }

        if (profile.Role != role)
        {
            state.State = state.State with { Profile = profile.WithRole(role) };
            await state.WriteStateAsync();
        }

        return CommandResult.Accepted(0);
    }

}
