namespace Cabinet.Hub.Feeds;

/// <summary>
/// This web host as the cluster knows it (its silo address in parsable form). The meeting grain records it with each
/// connection made here, and marks those connections as left if the cluster declares this host dead.
/// </summary>
public sealed record ThisHost(string Address);
