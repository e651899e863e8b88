using Cabinet.People;
using Cabinet.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Seed;

/// <summary>
/// On an installation with an empty directory (after the demo seeder, which runs only where switched on), creates the
/// organisation and administrator named in <see cref="BootstrapOptions"/>, or says how to.
/// </summary>
public sealed partial class FirstAdministrator(IGrainFactory grains, IOptions<BootstrapOptions> options, ILogger<FirstAdministrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key);
        if (!(await directory.GetOrganizationsAsync()).IsEmpty)
        {
            return;
        }

        var o = options.Value;
        var password = SecretSetting.Read(o.AdministratorPassword, o.AdministratorPasswordFile);
        if (o is not { OrganizationId.Length: > 0, OrganizationName.Length: > 0, AdministratorUserName.Length: > 0 } || password is not { Length: >= 12 })
        {
            LogHowTo();
            return;
        }

        await grains.GetGrain<IOrganizationGrain>(o.OrganizationId).SetProfileAsync(new OrganizationProfile(o.OrganizationId, o.OrganizationName, null));
        await directory.AddOrganizationAsync(o.OrganizationId);
        var profile = new UserProfile(o.AdministratorUserName, o.AdministratorDisplayName ?? "Quản trị hệ thống", o.OrganizationId, "Quản trị hệ thống", IsAdministrator: true);
        var registered = await grains.GetGrain<IUserGrain>(o.AdministratorUserName).RegisterAsync(new UserRegistration(profile, password));
        if (!registered.Ok)
        {
            LogRefused(o.AdministratorUserName, registered.Error!.Code);
            return;
        }

        await grains.GetGrain<IOrganizationGrain>(o.OrganizationId).AddMemberAsync(o.AdministratorUserName);
        await directory.AddUserAsync(o.AdministratorUserName);
        LogCreated(o.OrganizationId, o.AdministratorUserName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The directory is empty and nobody can sign in: set Cabinet:Bootstrap:OrganizationId, OrganizationName, AdministratorUserName and AdministratorPasswordFile (a password of at least 12 characters) to create the first administrator")]
    private partial void LogHowTo();

    [LoggerMessage(Level = LogLevel.Information, Message = "Created organisation {OrganizationId} and its administrator {UserName}")]
    private partial void LogCreated(string organizationId, string userName);

    [LoggerMessage(Level = LogLevel.Error, Message = "The first administrator {UserName} was not created: {Code}")]
    private partial void LogRefused(string userName, string code);
}
