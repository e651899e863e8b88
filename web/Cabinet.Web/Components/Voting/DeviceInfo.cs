namespace Cabinet.Web.Components.Voting;

/// <summary>What the browser module reports about this device's ballot key.</summary>
public sealed record DeviceInfo(string Spki, string? DeviceId, string Label);
