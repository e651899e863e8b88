using Bogus;
using Cabinet.Meetings;
using Cabinet.People;
using Cabinet.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Cabinet.Web.Seed;

/// <summary>On first start (empty directory), creates the demo organisations, people and meetings.</summary>
public sealed partial class DemoSeeder(
    IGrainFactory grains, IOptions<CabinetOptions> options, TimeProvider clock, Documents.DocumentIntake intake, ILogger<DemoSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = grains.GetGrain<IDirectoryGrain>(IDirectoryGrain.Key);
        if (!options.Value.SeedDemoData || !(await directory.GetOrganizationsAsync()).IsEmpty)
        {
            return;
        }

        foreach (var organization in DemoData.Organizations)
        {
            await grains.GetGrain<IOrganizationGrain>(organization.Id).SetProfileAsync(organization);
            await directory.AddOrganizationAsync(organization.Id);
        }

        // The demo province leaves the second factor optional, so quantri signs in with the demo password alone (and the
        // tests, which sign in as quantri many times a minute, are not stopped by one-use codes). Organisations created
        // from /admin, and the first organisation of a production install, require it of administrators.
        await grains.GetGrain<IOrganizationGrain>(DemoData.Province).SetSecondFactorPolicyAsync(SecondFactorPolicy.Optional);

        // Registered side by side (each account hashes its password, a tenth of a second of CPU), then listed in order.
        var names = new Faker("vi") { Random = new Randomizer(2026) };
        var profiles = DemoData.Accounts.Select(account => new UserProfile(account.UserName,
            $"{names.Name.LastName()} {names.Name.FirstName()}", // Vietnamese order: family name first, then middle and given names.
            account.OrganizationId, account.Position, IsAdministrator: false).WithRole(account.Role)).ToList();
        await Task.WhenAll(profiles.Select(profile => grains.GetGrain<IUserGrain>(profile.UserName).RegisterAsync(new UserRegistration(profile, DemoData.Password))));
        foreach (var account in DemoData.Accounts)
        {
            await grains.GetGrain<IOrganizationGrain>(account.OrganizationId).AddMemberAsync(account.UserName);
            await directory.AddUserAsync(account.UserName);
        }

        var today = new DateTimeOffset(clock.GetLocalNow().Date, clock.GetLocalNow().Offset);
        foreach (var (id, setup, schedule) in DemoData.Meetings(today))
        {
            var chair = setup.Participants.First(p => p.Role == MeetingRole.Chair).UserName;
            var actor = (await grains.GetGrain<IUserGrain>(chair).GetProfileAsync())!.ToActor();
            var meeting = grains.GetGrain<IMeetingGrain>(id);
            var created = await meeting.CreateAsync(actor, setup);
            if (created.Ok && id == DemoData.MonthlyMeeting)
            {
                await AttachPlanAsync(actor, id, cancellationToken);
            }

            if (created.Ok && schedule)
            {
                await meeting.ScheduleAsync(actor);
            }
        }

        LogSeeded(DemoData.Organizations.Length, DemoData.Accounts.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The province's public plan (Seed/, copied beside the app) on the first item, so the demo shows a document.</summary>
    private async Task AttachPlanAsync(People.Actor chair, string meetingId, CancellationToken cancellationToken)
    {
        await using var plan = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Seed", DemoData.PlanFile));
        var added = await intake.AddAsync(chair, meetingId, plan,
            new Documents.DocumentUploadRequest(null, DemoData.PlanTitle, "i1", DownloadAllowed: true, Classified: false), cancellationToken);
        if (!added.Ok)
        {
            LogPlanRefused(added.Error!.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo plan was not attached: {Code}")]
    private partial void LogPlanRefused(string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo data: {Organizations} organisations, {People} people")]
    private partial void LogSeeded(int organizations, int people);
}
