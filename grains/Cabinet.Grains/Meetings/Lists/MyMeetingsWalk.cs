using System.Collections.Immutable;
using Cabinet.People;

namespace Cabinet.Meetings;

/// <summary>
/// One page read: walks the person's and their organisation's index shards month by month from the cursor — forward
/// from the boundary's month for upcoming meetings, then backward for past ones — and stops as soon as the page is
/// full. Reads index grains only, never a meeting grain.
/// </summary>
internal sealed class MyMeetingsWalk
{
    private readonly IGrainFactory _grains;
    private readonly Actor _actor;
    private readonly MeetingPageCursor _cursor;
    private readonly ImmutableHashSet<string> _orgMonths;
    private readonly ImmutableHashSet<string> _personYears;
    private readonly ImmutableArray<string> _years;
    private readonly Dictionary<string, ImmutableArray<Invitation>> _invitations = new(StringComparer.Ordinal);

    private MyMeetingsWalk(IGrainFactory grains, Actor actor, MeetingPageCursor cursor, ImmutableArray<string> orgMonths, ImmutableArray<string> personYears)
    {
        (_grains, _actor, _cursor) = (grains, actor, cursor);
        _orgMonths = [.. orgMonths];
        _personYears = [.. personYears];
        _years = [.. orgMonths.Select(m => m[..4]).Union(personYears).Order(StringComparer.Ordinal)];
    }

    public static async Task<MyMeetingsWalk> StartAsync(IGrainFactory grains, Actor actor, MeetingPageCursor cursor)
    {
        var orgMonths = grains.GetGrain<IMeetingShardCatalogGrain>(MeetingIndexKeys.OrganizationCatalog(actor.OrganizationId)).GetAsync();
        var personYears = grains.GetGrain<IMeetingShardCatalogGrain>(MeetingIndexKeys.PersonCatalog(actor.UserName)).GetAsync();
        return new MyMeetingsWalk(grains, actor, cursor, await orgMonths, await personYears);
    }

    public async Task<MeetingPage> ReadAsync(int size)
    {
        var page = new List<(MeetingPagePart Part, MeetingSummary Summary)>(size + 1);
        foreach (var part in new[] { MeetingPagePart.Upcoming, MeetingPagePart.Past }.Where(p => p >= _cursor.Part))
        {
            await foreach (var month in MonthsAsync(part))
            {
                var found = (await MonthAsync(month))
                    .Where(s => PartOf(s) == part && _cursor.Precedes(part, s.Details.ScheduledStart, s.MeetingId));
                page.AddRange(Ordered(found, part).Select(s => (part, s)));
                if (page.Count > size)
                {
                    var last = page[size - 1];
                    var next = _cursor with { Part = last.Part, LastStart = last.Summary.Details.ScheduledStart, LastId = last.Summary.MeetingId };
                    return new MeetingPage([.. page.Take(size).Select(p => p.Summary)], next.Format());
                }
            }
        }

        return new MeetingPage([.. page.Select(p => p.Summary)], null);
    }

    /// <summary>The months that may hold meetings of <paramref name="part"/> not shown yet, in listing order.</summary>
    private async IAsyncEnumerable<string> MonthsAsync(MeetingPagePart part)
    {
        var pivot = MeetingIndexKeys.Month(_cursor.Boundary);
        var from = part == _cursor.Part && _cursor.LastStart is { } last ? MeetingIndexKeys.Month(last) : pivot;
        var upcoming = part == MeetingPagePart.Upcoming;
        foreach (var year in upcoming ? _years.Where(y => string.CompareOrdinal(y, from[..4]) >= 0) : _years.Reverse().Where(y => string.CompareOrdinal(y, from[..4]) <= 0))
        {
            var inYear = _orgMonths.Where(m => m.StartsWith(year, StringComparison.Ordinal))
                .Union((await InvitationsAsync(year)).Select(i => i.Month))
                .Where(m => upcoming ? string.CompareOrdinal(m, from) >= 0 : string.CompareOrdinal(m, from) <= 0);
            foreach (var month in upcoming ? inYear.Order(StringComparer.Ordinal) : inYear.OrderDescending(StringComparer.Ordinal))
            {
                yield return month;
            }
        }
    }

    /// <summary>The month's meetings the person may see, with their role decided by <see cref="MeetingPermissions"/>.</summary>
    private async Task<IEnumerable<MeetingSummary>> MonthAsync(string month)
    {
        var invited = (await InvitationsAsync(month[..4])).Where(i => i.Month == month).ToDictionary(i => i.MeetingId, StringComparer.Ordinal);
        var organisations = invited.Values.Select(i => i.OrganizationId).ToHashSet(StringComparer.Ordinal);
        if (_orgMonths.Contains(month))
        {
            organisations.Add(_actor.OrganizationId);
        }

        var shards = await Task.WhenAll(organisations.Select(o => _grains.GetGrain<IOrganizationMeetingsGrain>(MeetingIndexKeys.OrganizationShard(o, month)).GetAsync()));
        return shards.SelectMany(listings => listings)
            .Where(l => l.OrganizationId == _actor.OrganizationId || invited.ContainsKey(l.MeetingId))
            .Select(l => Summary(l, invited.GetValueOrDefault(l.MeetingId)))
            .OfType<MeetingSummary>();
    }

    /// <summary>
    /// The line the person sees, or null: a meeting they may see (their role from <see cref="MeetingPermissions"/>),
    /// or an invitation they have not accepted yet (role as invited, not taking part).
    /// </summary>
    private MeetingSummary? Summary(MeetingListing listing, Invitation? invitation)
    {
        var role = MeetingPermissions.RoleOf(invitation?.Role ?? MeetingRole.None, invitation?.TakesPart ?? false, listing.OrganizationId, listing.Status, _actor);
        var answer = invitation?.Answer ?? AnswerKind.Pending;
        return MeetingPermissions.CanView(role) ? listing.ToSummary(role, true, answer)
            : invitation is not null && listing.Status != MeetingStatus.Draft ? listing.ToSummary(invitation.Role, false, answer)
            : null;
    }

    private async Task<ImmutableArray<Invitation>> InvitationsAsync(string year)
    {
        if (!_personYears.Contains(year))
        {
            return [];
        }

        if (!_invitations.TryGetValue(year, out var invitations))
        {
            invitations = await _grains.GetGrain<IPersonMeetingsGrain>(MeetingIndexKeys.PersonShard(_actor.UserName, year)).GetAsync();
            _invitations[year] = invitations;
        }

        return invitations;
    }

    private MeetingPagePart PartOf(MeetingSummary s) =>
        s.Details.ScheduledStart >= _cursor.Boundary ? MeetingPagePart.Upcoming : MeetingPagePart.Past;

    private static IEnumerable<MeetingSummary> Ordered(IEnumerable<MeetingSummary> summaries, MeetingPagePart part) => part == MeetingPagePart.Upcoming
        ? summaries.OrderBy(s => s.Details.ScheduledStart).ThenBy(s => s.MeetingId, StringComparer.Ordinal)
        : summaries.OrderByDescending(s => s.Details.ScheduledStart).ThenByDescending(s => s.MeetingId, StringComparer.Ordinal);
}
