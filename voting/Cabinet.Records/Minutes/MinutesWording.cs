namespace Cabinet.Records.Minutes;

/// <summary>
/// The words that make the document a meeting's minutes; another record written the same way (the consolidated report
/// of an opinion ballot) gives its own. Null parts keep the minutes' wording.
/// </summary>
/// <param name="Heading">The title line, e.g. "BÁO CÁO TỔNG HỢP Ý KIẾN".</param>
/// <param name="ContentHeading">Section II's heading, e.g. "II. KẾT QUẢ LẤY Ý KIẾN".</param>
/// <param name="ClosingLine">The sentence after the content, already written out.</param>
/// <param name="NumberPlaceholder">The document number printed until one is issued, e.g. "……/BC-……".</param>
public sealed record MinutesWording(string Heading, string ContentHeading, string? ClosingLine, string NumberPlaceholder)
{
    public static MinutesWording Minutes { get; } = new("BIÊN BẢN CUỘC HỌP", "II. NỘI DUNG CUỘC HỌP", null, "……/BB-……");
}
