using System.Collections.Immutable;
using Cabinet.Meetings;

namespace Cabinet.Bench;

/// <summary>A representative monthly agenda: the items the chair moves through.</summary>
public static class BenchAgenda
{
    public static readonly ImmutableArray<AgendaItemInput> Items =
    [
        new("Báo cáo tình hình kinh tế - xã hội tháng 11 và nhiệm vụ tháng 12/2026", "Giám đốc Sở Tài chính", 30, "Sở Tài chính trình bày; các đại biểu thảo luận."),
        new("Tờ trình về Kế hoạch cung cấp dịch vụ công trực tuyến năm 2027", "Giám đốc Sở Khoa học và Công nghệ", 25, ""),
        new("Dự thảo Nghị quyết về phân bổ dự toán ngân sách năm 2027", "Giám đốc Sở Tài chính", 40, ""),
        new("Đề án sắp xếp đơn vị sự nghiệp công lập", "Giám đốc Sở Nội vụ", 20, ""),
        new("Các vấn đề phát sinh", "Chủ tịch UBND tỉnh", 15, ""),
    ];
}
