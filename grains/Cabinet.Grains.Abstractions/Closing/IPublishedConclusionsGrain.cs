namespace Cabinet.Closing;

/// <summary>
/// An organisation's published conclusions of one year (key <see cref="KeyOf"/>): one grain per year keeps each list
/// bounded (<see cref="MaxPerYear"/>). Readers are checked by the caller (members of the organisation).
/// </summary>
[Alias("cabinet.IPublishedConclusionsGrain")]
public interface IPublishedConclusionsGrain : IGrainWithStringKey
{
    const int MaxPerYear = 5000;
    const int PageSize = 20;

    static string KeyOf(string organizationId, int year) => $"{organizationId}/{year}";

    /// <summary>Adds the conclusion, or replaces the one of the same meeting and item; <c>conclusion.publications_full</c> past <see cref="MaxPerYear"/>.</summary>
    Task<Errors.CommandResult> PublishAsync(PublishedConclusion conclusion);

    /// <summary>Page <paramref name="page"/> (from 1) of <see cref="PageSize"/>; past the last page, an empty one.</summary>
    Task<PublishedConclusionPage> GetPageAsync(int page);
}
