using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Storage;

namespace Cabinet.People;

public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.People)] IPersistentState<UserState> state,
    TimeProvider clock) : Grain, IUserGrain
{
    public async Task<CommandResult> RegisterAsync(UserRegistration registration)
    {
        if (state.State.Profile is not null)
        {
            return CommandResult.Refused(ErrorCodes.Invalid("Tên đăng nhập đã tồn tại."));
        }

        if (PasswordRules.Check(registration.Password, this.GetPrimaryKeyString(), registration.Profile.IsAdministrator) is { } weak)
        {
            return CommandResult.Refused(weak);
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
