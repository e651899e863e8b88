using System.Collections.Immutable;
using System.Security.Cryptography;
using Cabinet.Audit;
using Cabinet.Errors;
using Cabinet.Identity;
using Cabinet.People;
using Cabinet.Web.Identity;

namespace Cabinet.Web.Administration;

/// <summary>
/// What an administrator does with organisations and accounts, for the admin API and the /admin page alike: each
/// action asks <see cref="OrganizationTree.AdministersAsync"/> about the organisation it touches (refusal:
/// <c>auth.forbidden</c>), changes nothing on bad input, and is written to the audit log.
/// </summary>
public sealed partial class PeopleAdministration(IGrainFactory grains, OrganizationTree tree, SessionCheck check, AuditTrail audit)
{
    private const string TemporaryPasswordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public async Task<CommandResult> CreateOrganizationAsync(HttpContext http, string? id, string? name, string? parentId)
    {
        if (!await AdministersAsync(http, parentId))
        {
            return CommandResult.Refused(ErrorCodes.NotAdministratorOf);
        }

        if (id is null || !OrganizationIdPattern().IsMatch(id) || string.IsNullOrWhiteSpace(name) || name.Trim().Length > 120)
        {
            return CommandResult.Refused(ErrorCodes.Invalid("Mã đơn vị gồm 1–40 ký tự a-z, 0-9 hoặc dấu gạch ngang (bắt đầu bằng chữ hoặc số); tên đơn vị 1–120 ký tự."));
        }

        var created = await grains.GetGrain<IOrganizationGrain>(id).CreateAsync(new OrganizationProfile(id, name.Trim(), parentId));
        if (created.Ok)
        {
            await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).AddOrganizationAsync(id);
            await audit.RecordAsync(http, AuditKinds.OrganizationCreated, $"{id} ({name.Trim()}) under {parentId}");
        }

        return created;
    }

    public async Task<CommandResult> SetSecondFactorPolicyAsync(HttpContext http, string organizationId, SecondFactorPolicy policy)
    {
        if (!await AdministersAsync(http, organizationId))
        {
            return CommandResult.Refused(ErrorCodes.NotAdministratorOf);
        }

        if (!Enum.IsDefined(policy))
        {
            return CommandResult.Refused(ErrorCodes.Invalid("Chính sách xác thực hai lớp không hợp lệ."));
        }

        await grains.GetGrain<IOrganizationGrain>(organizationId).SetSecondFactorPolicyAsync(policy);
        await audit.RecordAsync(http, AuditKinds.SecondFactorPolicyChanged, $"{organizationId}: {policy}");
        return CommandResult.Accepted(0);
    }

    public async Task<Result<Meetings.MeetingRules>> MeetingRulesAsync(HttpContext http, string organizationId) =>
        await AdministersAsync(http, organizationId)
            ? Result<Meetings.MeetingRules>.Of(await grains.GetGrain<IOrganizationGrain>(organizationId).GetRulesAsync())
            : Result<Meetings.MeetingRules>.Refused(ErrorCodes.NotAdministratorOf);

    /// <summary>Sets the rules later meetings copy when they are scheduled (meetings already scheduled keep theirs).</summary>
    public async Task<CommandResult> SetMeetingRulesAsync(HttpContext http, string organizationId, Meetings.MeetingRules? rules)
    {
        if (!await AdministersAsync(http, organizationId))
        {
            return CommandResult.Refused(ErrorCodes.NotAdministratorOf);
        }

        if (rules is null)
        {
            return CommandResult.Refused(ErrorCodes.MeetingRulesInvalid);
        }

        var set = await grains.GetGrain<IOrganizationGrain>(organizationId).SetRulesAsync(rules);
        if (set.Ok)
        {
            await audit.RecordAsync(http, AuditKinds.MeetingRulesChanged,
                $"{organizationId}: quorum {rules.Quorum.Numerator}/{rules.Quorum.Denominator}, {rules.Majority.Kind} {rules.Majority.Numerator}/{rules.Majority.Denominator}, deputies vote {rules.DeputiesVote}");
        }

        return set;
    }

    /// <summary>The organisation's people, by display name.</summary>
    public async Task<Result<ImmutableArray<AccountStatus>>> PeopleAsync(HttpContext http, string organizationId)
    {
        if (!await AdministersAsync(http, organizationId))
        {
            return Result<ImmutableArray<AccountStatus>>.Refused(ErrorCodes.NotAdministratorOf);
        }

        var members = await grains.GetGrain<IOrganizationGrain>(organizationId).GetMembersAsync();
        var people = await Task.WhenAll(members.Select(m => grains.GetGrain<IUserGrain>(m).GetStatusAsync()));
        return Result<ImmutableArray<AccountStatus>>.Of([.. people.OfType<AccountStatus>().OrderBy(p => p.Profile.DisplayName, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Creates the accounts all at once with the passwords given (the JSON batch): the first invalid one refuses the
    /// whole batch, a name taken refuses it too. Value: the user names created.
    /// </summary>
    public async Task<Result<ImmutableArray<string>>> CreatePeopleAsync(HttpContext http, string organizationId, NewUser[] users)
    {
        if (!await AdministersAsync(http, organizationId))
        {
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.NotAdministratorOf);
        }

        foreach (var user in users)
        {
            if (NewUserRules.Check(user) is { } invalid)
            {
                return Result<ImmutableArray<string>>.Refused(invalid.Code == ErrorCodes.InvalidInput.Code ? invalid : ErrorCodes.Invalid(invalid.Message));
            }
        }

        if (users.Select(u => u.UserName).Distinct(StringComparer.Ordinal).Count() != users.Length)
        {
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.Invalid("Danh sách có tên đăng nhập trùng nhau."));
        }

        var profiles = await Task.WhenAll(users.Select(u => grains.GetGrain<IUserGrain>(u.UserName!).GetProfileAsync()));
        if (profiles.FirstOrDefault(p => p is not null) is { } taken)
        {
            return Result<ImmutableArray<string>>.Refused(ErrorCodes.AccountExists with { Message = $"Tên đăng nhập '{taken.UserName}' đã tồn tại." });
        }

        var registered = await RegisterAsync(organizationId, users.Select(u => (u, u.Password!, Temporary: false)).ToList());
        var created = users.Zip(registered).Where(x => x.Second.Ok).Select(x => x.First.UserName!).ToImmutableArray();
        await JoinAsync(http, organizationId, created, AuditKinds.UsersCreated);
        return created.Length == users.Length ? Result<ImmutableArray<string>>.Of(created)
            : Result<ImmutableArray<string>>.Refused(ErrorCodes.AccountExists with { Message = $"Đã tạo {created.Length}/{users.Length} tài khoản; các tên còn lại vừa bị người khác dùng." });
    }

    /// <summary>
    /// Creates each valid row (a bad row stops only itself); a row without a password gets a generated one. Every
    /// password set here is temporary: the person chooses their own at the first sign-in.
    /// </summary>
    public async Task<Result<ImmutableArray<ImportRowReport>>> ImportAsync(HttpContext http, string organizationId, ImmutableArray<PeopleCsvRow> rows)
    {
        if (!await AdministersAsync(http, organizationId))
        {
            return Result<ImmutableArray<ImportRowReport>>.Refused(ErrorCodes.NotAdministratorOf);
        }

        var reports = new ImportRowReport?[rows.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<(int Index, NewUser Person, string Password, bool Generated)>();
        for (var i = 0; i < rows.Length; i++)
        {
            var person = rows[i].Person;
            var refusal = NewUserRules.Check(person, passwordRequired: false) ?? (seen.Add(person.UserName!) ? null : ErrorCodes.ImportDuplicate);
            if (refusal is not null)
            {
                reports[i] = new ImportRowReport(rows[i].Row, person.UserName ?? "", false, refusal.Code, refusal.Message, null);
                continue;
            }

            valid.Add((i, person, person.Password ?? NewTemporaryPassword(), person.Password is null));
        }

        var registered = await RegisterAsync(organizationId, valid.Select(v => (v.Person, v.Password, Temporary: true)).ToList());
        foreach (var (row, result) in valid.Zip(registered))
        {
            reports[row.Index] = new ImportRowReport(rows[row.Index].Row, row.Person.UserName!, result.Ok, result.Error?.Code, result.Error?.Message,
                result.Ok && row.Generated ? row.Password : null);
        }

        var created = reports.Where(r => r!.Ok).Select(r => r!.UserName).ToImmutableArray();
        await JoinAsync(http, organizationId, created, AuditKinds.PeopleImported, $"; {rows.Length - created.Length} rows refused");
        return Result<ImmutableArray<ImportRowReport>>.Of([.. reports!]);
    }

    /// <param name="email">Null: unchanged; empty: cleared. Likewise <paramref name="phone"/>.</param>
    public async Task<CommandResult> UpdateAsync(HttpContext http, string userName, string? displayName, string? position, string? email = null, string? phone = null)
    {
        var target = await TargetAsync(http, userName);
        if (target.User is null)
        {
            return CommandResult.Refused(TargetRefusal(target));
        }

        if (NewUserRules.CheckProfile(displayName, position) is { } invalid)
        {
            return CommandResult.Refused(invalid);
        }

        if (email is not null || phone is not null)
        {
            var contact = await target.User.SetContactAsync(email ?? target.Profile!.Email, phone ?? target.Profile!.Phone);
            if (!contact.Ok)
            {
                return contact;
            }
        }

        var updated = await target.User.UpdateProfileAsync(displayName!.Trim(), position?.Trim() ?? "");
        await audit.RecordAsync(http, AuditKinds.UserUpdated, $"{target.Profile!.UserName}: {displayName.Trim()}, {position?.Trim()}");
        return updated;
    }

    /// <summary>A changed role is in the person's sign-in from their next sign-in on.</summary>
    public async Task<CommandResult> SetRoleAsync(HttpContext http, string userName, string? role)
    {
        var target = await TargetAsync(http, userName);
        if (target.User is null)
        {
            return CommandResult.Refused(TargetRefusal(target));
        }

        if (OrganizationRoles.Parse(role) is not { } parsed)
        {
            return CommandResult.Refused(ErrorCodes.Invalid("Vai trò phải là member, organizer hoặc administrator."));
        }

        var changed = await target.User.SetOrganizationRoleAsync(parsed);
        await audit.RecordAsync(http, AuditKinds.RoleChanged, $"{target.Profile!.UserName}: {OrganizationRoles.Name(parsed)}");
        return changed;
    }

    /// <summary>
    /// <paramref name="action"/> is disable, enable, unlock or password (a temporary <paramref name="password"/>); the
    /// sessions it ends are ended on this host at once. Value: their number.
    /// </summary>
    public Task<Result<int>> ActAsync(HttpContext http, string userName, string action, string? password = null) => action switch
    {
        "disable" => ActAsync(http, userName, AuditKinds.AccountDisabled, user => user.SetDisabledAsync(true)),
        "enable" => ActAsync(http, userName, AuditKinds.AccountEnabled, user => user.SetDisabledAsync(false)),
        "unlock" => ActAsync(http, userName, AuditKinds.AccountUnlocked, user => user.UnlockAsync()),
        "password" => ActAsync(http, userName, AuditKinds.PasswordReset, user => user.ResetPasswordAsync(password ?? "")),
        _ => Task.FromResult(Result<int>.Refused(ErrorCodes.InvalidInput)),
    };

    private async Task<Result<int>> ActAsync(HttpContext http, string userName, string kind, Func<IUserGrain, Task<Result<ImmutableArray<string>>>> action)
    {
        var target = await TargetAsync(http, userName);
        if (target.User is null)
        {
            return Result<int>.Refused(TargetRefusal(target));
        }

        var done = await action(target.User);
        if (!done.Ok)
        {
            return Result<int>.Refused(done.Error!);
        }

        check.Ended(done.Value);
        await audit.RecordAsync(http, kind, $"{target.Profile!.UserName}: {done.Value.Length} sessions ended");
        return Result<int>.Of(done.Value.Length);
    }

    private async Task<bool> AdministersAsync(HttpContext http, string? organizationId) =>
        CabinetClaims.ToActor(http.User) is { } actor && await tree.AdministersAsync(actor, organizationId);

    /// <returns>The account and its profile when the caller administers its organisation; otherwise what is missing.</returns>
    private async Task<(IUserGrain? User, UserProfile? Profile)> TargetAsync(HttpContext http, string userName)
    {
        var name = userName.ToLowerInvariant();
        var user = NewUserRules.IsUserName(name) ? grains.GetGrain<IUserGrain>(name) : null;
        var profile = user is null ? null : await user.GetProfileAsync();
        return profile is null ? (null, null) : await AdministersAsync(http, profile.OrganizationId) ? (user, profile) : (null, profile);
    }

    private static CabinetError TargetRefusal((IUserGrain? User, UserProfile? Profile) target) =>
        target.Profile is null ? ErrorCodes.UnknownUser : ErrorCodes.NotAdministratorOf;

    // Each account hashes its password in its own grain, so a batch spreads over the cores.
    private Task<CommandResult[]> RegisterAsync(string organizationId, List<(NewUser Person, string Password, bool Temporary)> people) =>
        Task.WhenAll(people.Select(p => grains.GetGrain<IUserGrain>(p.Person.UserName!).RegisterAsync(new UserRegistration(
            new UserProfile(p.Person.UserName!, p.Person.DisplayName!.Trim(), organizationId, p.Person.Position?.Trim() ?? "", IsAdministrator: false,
                Email: p.Person.Email, Phone: p.Person.Phone)
                .WithRole(OrganizationRoles.Parse(p.Person.Role) ?? OrganizationRole.Member), p.Password, p.Temporary))));

    private async Task JoinAsync(HttpContext http, string organizationId, ImmutableArray<string> created, string kind, string more = "")
    {
        if (created.IsEmpty)
        {
            return;
        }

        await grains.GetGrain<IOrganizationGrain>(organizationId).AddMembersAsync(created);
        await grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key).AddUsersAsync(created);
        await audit.RecordAsync(http, kind, $"{organizationId}: {created.Length} accounts: {string.Join(", ", created.Take(20))}{(created.Length > 20 ? ", …" : "")}{more}");
    }

    private static string NewTemporaryPassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(TemporaryPasswordAlphabet, 4)));

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial System.Text.RegularExpressions.Regex OrganizationIdPattern();
}
