namespace Cabinet.Records.Minutes;

/// <summary>A named person and the position they hold, e.g. ("Trần Văn Bình", "Chủ tịch UBND xã").</summary>
public sealed record MinutesPerson(string Name, string Position);
