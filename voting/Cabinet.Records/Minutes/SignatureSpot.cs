namespace Cabinet.Records.Minutes;

/// <summary>A signatory's place in the signature block of the minutes' last page, in PDF points (origin bottom-left).</summary>
public sealed record SignatureSpot(string Capacity, float Left, float Bottom, float Right, float Top);
