using System.Collections.Immutable;

namespace Cabinet.Notices;

/// <summary>A notice as its person sees it in the centre: read or not, and how far each channel got.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.notice-view")]
public sealed record NoticeView(Notice Notice, bool Read, ImmutableArray<NoticeDelivery> Deliveries);

/// <summary>A page of the centre, newest first, with the unread count and how many notices the box holds.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.notice-page")]
public sealed record NoticePage(ImmutableArray<NoticeView> Items, int Unread, int Total)
{
    public const int MaxSize = 50;
}

/// <summary>
/// The channels a person chose and where they reach them. The address and number are kept in the person's profile;
/// a channel without its address or number sends nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.notice-preferences")]
public sealed record NoticePreferences(bool ByEmail, bool BySms, string? Email, string? Phone);
