using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Grains.Tests;

/// <summary>An organisation's integration clients: who manages them, what a client may not do, the bound, secrets and revocation.</summary>
public sealed class IntegrationClientsGrainTests(FileStorageCluster cluster) : IClassFixture<FileStorageCluster>
{
    [Fact]
    public async Task Only_the_organisations_administrators_manage_its_clients_and_a_client_never_makes_another()
    {
        var (clients, administrator) = Fresh();
        var organiser = new Actor("chair", "Chủ trì", administrator.OrganizationId, false, IsOrganizer: true);
        var client = new Actor(IntegrationClientIds.ActorName($"{administrator.OrganizationId}.abc"), "LGSP", administrator.OrganizationId, IsAdministrator: true, IsIntegrationClient: true);
        var otherAdministrator = administrator with { OrganizationId = ClusterFixture.OtherOrg };
        foreach (var (refused, code) in new[] { (organiser, ErrorCodes.Forbidden.Code), (otherAdministrator, ErrorCodes.Forbidden.Code), (client, ErrorCodes.NotAPerson.Code) })
        {
            Assert.Equal(code, (await clients.RegisterAsync(refused, "Lịch", ["meetings:read"])).Error?.Code);
            Assert.Equal(code, (await clients.ListAsync(refused)).Error?.Code);
        }

        Assert.Equal(ErrorCodes.ClientInvalidInput.Code, (await clients.RegisterAsync(administrator, " ", ["meetings:read"])).Error?.Code);
        Assert.Equal(ErrorCodes.ClientInvalidInput.Code, (await clients.RegisterAsync(administrator, "Lịch", [])).Error?.Code);
        Assert.Equal(ErrorCodes.ClientInvalidInput.Code, (await clients.RegisterAsync(administrator, "Lịch", ["meetings:read", "admin:all"])).Error?.Code);
        Assert.Empty((await clients.ListAsync(administrator)).Value);
    }

    [Fact]
    public async Task A_secret_works_until_rotated_and_a_revoked_client_is_forgotten()
    {
        var (clients, administrator) = Fresh();
        var issued = (await clients.RegisterAsync(administrator, "Hệ thống văn bản", ["documents:read", "meetings:read", "documents:read"])).Value!;
        var id = issued.Client.ClientId;

        Assert.Equal(administrator.OrganizationId, IntegrationClientIds.OrganizationOf(id));
        Assert.Equal(["documents:read", "meetings:read"], issued.Client.Scopes);
        Assert.Equal(id, (await clients.AuthenticateAsync(id, issued.Secret))?.ClientId);
        Assert.Null(await clients.AuthenticateAsync(id, issued.Secret + "x"));

        var rotated = (await clients.RotateSecretAsync(administrator, id)).Value!;
        Assert.Null(await clients.AuthenticateAsync(id, issued.Secret));
        Assert.NotNull(await clients.AuthenticateAsync(id, rotated.Secret));

        Assert.True((await clients.RevokeAsync(administrator, id)).Ok);
        Assert.False(await clients.IsActiveAsync(id));
        Assert.Null(await clients.AuthenticateAsync(id, rotated.Secret));
        Assert.Equal(ErrorCodes.ClientNotFound.Code, (await clients.RotateSecretAsync(administrator, id)).Error?.Code);
    }

    [Fact]
    public async Task An_organisation_holds_at_most_fifty_clients()
    {
        var (clients, administrator) = Fresh();
        for (var i = 0; i < IntegrationClientIds.MaxPerOrganization; i++)
        {
            Assert.True((await clients.RegisterAsync(administrator, $"Hệ thống {i}", ["meetings:read"])).Ok);
        }

        Assert.Equal(ErrorCodes.ClientLimit.Code, (await clients.RegisterAsync(administrator, "Thêm một", ["meetings:read"])).Error?.Code);
        var first = (await clients.ListAsync(administrator)).Value[0];
        Assert.True((await clients.RevokeAsync(administrator, first.ClientId)).Ok);
        Assert.True((await clients.RegisterAsync(administrator, "Thay thế", ["meetings:read"])).Ok);
        Assert.Equal(IntegrationClientIds.MaxPerOrganization, (await clients.ListAsync(administrator)).Value.Length);
    }

    [Theory]
    [InlineData("tinh.0123abcd", "tinh")]
    [InlineData("so.tai-chinh.0123", "so.tai-chinh")]
    [InlineData("khongcodau", null)]
    [InlineData(".abc", null)]
    [InlineData("tinh.", null)]
    [InlineData("", null)]
    public void A_client_id_names_its_organisation(string clientId, string? organization) =>
        Assert.Equal(organization, IntegrationClientIds.OrganizationOf(clientId));

    /// <summary>A new organisation's clients and its administrator (the grain is keyed by the organisation).</summary>
    private (IIntegrationClientsGrain Clients, Actor Administrator) Fresh()
    {
        var organization = $"to-chuc-{Guid.NewGuid():N}"[..16];
        return (cluster.Client.GetGrain<IIntegrationClientsGrain>(organization), new Actor("quantri", "Quản trị", organization, IsAdministrator: true));
    }
}
