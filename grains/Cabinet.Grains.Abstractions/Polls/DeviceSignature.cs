namespace Cabinet.Polls;

/// <summary>The active device a signature was checked against, and whether its key made that signature.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.device-signature")]
public sealed record DeviceSignature(DeviceKey Device, bool Verified);
