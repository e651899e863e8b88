using Cabinet.Closing;
using Cabinet.Errors;
using Cabinet.People;
using Cabinet.Web.Administration;

namespace Cabinet.Web.Conclusions;

/// <summary>
/// Reading an organisation's published conclusions, for the endpoint and the /conclusions page alike: its members and
/// the administrators above it read them (<c>auth.forbidden</c> otherwise). Nothing else of a meeting is reachable here.
/// </summary>
public sealed class PublishedConclusions(IGrainFactory grains, OrganizationTree tree)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2200;

    public async Task<Result<PublishedConclusionPage>> ReadAsync(Actor actor, string organizationId, int year, int page)
    {
        if (actor.OrganizationId != organizationId && !await tree.AdministersAsync(actor, organizationId))
        {
            return Result<PublishedConclusionPage>.Refused(ErrorCodes.Forbidden);
        }

        if (year is < FirstYear or > LastYear || page < 1)
        {
            return Result<PublishedConclusionPage>.Refused(ErrorCodes.Invalid($"Năm từ {FirstYear} đến {LastYear}, trang từ 1."));
        }

        return Result<PublishedConclusionPage>.Of(
            await grains.GetGrain<IPublishedConclusionsGrain>(IPublishedConclusionsGrain.KeyOf(organizationId, year)).GetPageAsync(page));
    }
}
