using System.Collections.Immutable;

namespace Cabinet.Closing;

/// <summary>One page of an organisation's published conclusions for a year, newest meeting first.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.published-conclusion-page")]
public sealed record PublishedConclusionPage(ImmutableArray<PublishedConclusion> Conclusions, int Page, int PageCount, int Total);
