namespace Cabinet.Opinions;

/// <summary>A person asked, as the ballot names them.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-member")]
public sealed record OpinionMember(string UserName, string DisplayName, string Position);
