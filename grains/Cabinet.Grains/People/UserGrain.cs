using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.Storage;

namespace Cabinet.People;

public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.People)] IPersistentState<UserState> state,
    TimeProvider clock,
    Signing.DeviceCertifier certifier,
    PasswordHash passwords) : Grain, IUserGrain
{
    public async Task<CommandResult> RegisterAsync(UserRegistration registration)
    {
        if (state.State.Profile is not null)
        {
            return CommandResult.Refused(ErrorCodes.AccountExists);
        }

        var email = ContactRules.Email(registration.Profile.Email);
        var phone = ContactRules.Phone(registration.Profile.Phone);
        if ((email.Error ?? phone.Error) is { } badContact)
        {
            return CommandResult.Refused(badContact);
        }

        if (PasswordRules.Check(registration.Password, this.GetPrimaryKeyString(), registration.Profile.IsAdministrator) is { } weak)
        {
            return CommandResult.Refused(weak);
        }

        state.State = state.State with
        {
            Profile = registration.Profile with { UserName = this.GetPrimaryKeyString(), Email = email.Value, Phone = phone.Value },
            PasswordHash = passwords.Create(registration.Password),
            MustChangePassword = registration.Temporary,
        };
        await state.WriteStateAsync();
        return CommandResult.Accepted(1);
    }

    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<CommandResult> SetContactAsync(string? email, string? phone)
    {
        if (state.State.Profile is not { } profile)
        {
            return CommandResult.Refused(ErrorCodes.UnknownUser);
        }

        var checkedEmail = ContactRules.Email(email);
        var checkedPhone = ContactRules.Phone(phone);
        if ((checkedEmail.Error ?? checkedPhone.Error) is { } refusal)
        {
            return CommandResult.Refused(refusal);
        }

        if (profile.Email != checkedEmail.Value || profile.Phone != checkedPhone.Value)
        {
            state.State = state.State with { Profile = profile with { Email = checkedEmail.Value, Phone = checkedPhone.Value } };
            await state.WriteStateAsync();
        }

        return CommandResult.Accepted(0);
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

    public Task<AccountStatus?> GetStatusAsync() => Task.FromResult(state.State.Profile is { } profile
        ? new AccountStatus(profile, state.State.Disabled, state.State.LockedUntil > clock.GetUtcNow() || state.State.SecondFactorNotBefore > clock.GetUtcNow(),
            state.State.MustChangePassword, state.State.TotpSecret is not null)
        : null);

    public async Task<CommandResult> UpdateProfileAsync(string displayName, string position)
    {
        if (state.State.Profile is not { } profile)
        {
            return CommandResult.Refused(ErrorCodes.UnknownUser);
        }

        state.State = state.State with { Profile = profile with { DisplayName = displayName, Position = position } };
        await state.WriteStateAsync();
        return CommandResult.Accepted(0);
    }

    public async Task<Result<ImmutableArray<string>>> UnlockAsync()
    {
        if (state.State.Profile is null)
        {
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.UnknownUser);
        }

        state.State = state.State with
        {
            FailedSignIns = 0,
            LockedUntil = null,
            SecondFactorFailures = 0,
            SecondFactorNotBefore = null,
            Browsers = [.. state.State.Browsers.Select(b => b with { FailedSignIns = 0, NotBefore = null })],
        };
        await state.WriteStateAsync();
        return Result<ImmutableArray<string>>.Of([]);
    }
}
