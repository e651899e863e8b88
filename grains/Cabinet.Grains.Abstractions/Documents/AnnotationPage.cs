using System.Collections.Immutable;

namespace Cabinet.Documents;

/// <summary>
/// Annotations in the order they were made (by number: a1, a2, …), after the cursor: at most <see cref="MaxItems"/>
/// and no more than fit in <see cref="MaxBytes"/> of the hub's JSON, but always at least one when any is left.
/// No single annotation is stored larger than <see cref="MaxItemBytes"/>, so a page is never larger than that plus
/// its envelope: well below the hub's 64 KiB message limit.
/// </summary>
/// <param name="NextAfter">The cursor for the next page (the last item's id); null when there is nothing after this page.</param>
[GenerateSerializer, Immutable, Alias("cabinet.annotation-page")]
public sealed record AnnotationPage(ImmutableArray<AnnotationView> Items, string? NextAfter)
{
    public const int MaxItems = 200;

    public const int MaxBytes = 32 * 1024;

    /// <summary>
    /// The largest annotation as the hub writes it (JSON, non-ASCII escaped as \uXXXX). The rules alone allow far more
    /// (500 rectangles, 5,000 ink points and 6,000 characters of text escape to some 350 KB), so this is a rule of its own.
    /// </summary>
    public const int MaxItemBytes = 48 * 1024;
}
