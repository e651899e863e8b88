namespace Cabinet.Opinions;

/// <summary>The consolidated report (báo cáo tổng hợp ý kiến): its PDF's hash and size, and the sealed archive's.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.opinion-report-info")]
public sealed record OpinionReportInfo(string PdfSha256, long PdfBytes, string ArchiveSha256, long ArchiveBytes, DateTimeOffset MadeAt);
