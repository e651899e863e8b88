namespace Cabinet.Records.Minutes;

/// <summary>One column of the signature block: the capacity in capitals ("THƯ KÝ", "CHỦ TỌA") and the name.</summary>
public sealed record Signatory(string Capacity, string Name);
