using Cabinet.Records.Minutes;

namespace Cabinet.Records.Tests.Support;

/// <summary>A commune People's Committee meeting with every section of the minutes filled in.</summary>
public static class SampleMinutes
{
    public static readonly DateTimeOffset Start = new(2026, 3, 12, 1, 0, 0, TimeSpan.Zero); // 08:00 in Vietnam

    public static MinutesModel Create(int extraItems = 0)
    {
        var items = new List<MinutesAgendaItem>
        {
            new(1, "Thông qua Kế hoạch phát triển kinh tế - xã hội năm 2026")
            {
                Presenter = "Lê Minh Đức, Phó Chủ tịch UBND xã",
                Documents =
                [
                    new("Dự thảo Kế hoạch phát triển kinh tế - xã hội năm 2026", "v3", new string('a', 64)),
                    new("Báo cáo đánh giá tình hình thực hiện năm 2025", "v1", new string('b', 64)),
                ],
                Speakers =
                [
                    new("Phạm Thị Hương", Start.AddMinutes(25), TimeSpan.FromSeconds(200)),
                    new("Đỗ Văn Quý", Start.AddMinutes(31), TimeSpan.FromSeconds(45), PointOfOrder: true),
                ],
                Polls =
                [
                    new("Thông qua Kế hoạch phát triển kinh tế - xã hội năm 2026",
                        [new("Tán thành", 11), new("Không tán thành", 2), new("Không biểu quyết", 1)],
                        "Quá bán tổng số thành viên (8/15)", "Thông qua") { Members = 15 },
                ],
                Conclusion = new([
                    "Thống nhất thông qua Kế hoạch phát triển kinh tế - xã hội năm 2026 với các chỉ tiêu chủ yếu đã trình.",
                    "Giao Văn phòng HĐND và UBND xã hoàn chỉnh văn bản, trình ký ban hành trước ngày 20 tháng 3 năm 2026.",
                ]),
            },
            new(2, "Phân bổ kinh phí sửa chữa đường giao thông nông thôn ấp Bình Lợi")
            {
                Conclusion = new(["Đồng ý chủ trương; giao Bộ phận Tài chính - Kế toán thẩm định dự toán chi tiết."]),
            },
        };
        for (var i = 0; i < extraItems; i++)
        {
            items.Add(new(3 + i, $"Nội dung bổ sung số {i + 1}: ý kiến của cử tri về vệ sinh môi trường, trật tự đô thị")
            {
                Conclusion = new(["Ghi nhận ý kiến; giao công chức Địa chính - Xây dựng kiểm tra, báo cáo kết quả tại phiên họp tháng sau."]),
            });
        }

        return new MinutesModel(
            "Ủy ban nhân dân xã Tân Phú",
            "Phiên họp thường kỳ tháng 3 năm 2026",
            Start,
            Start.AddHours(3.5),
            "Hội trường UBND xã Tân Phú",
            new("Trần Văn Bình", "Chủ tịch UBND xã"),
            new("Nguyễn Thị Thư", "Công chức Văn phòng - Thống kê"))
        {
            ParentOrganisation = "Ủy ban nhân dân tỉnh Đồng Nai",
            Locality = "Tân Phú",
            DocumentNumber = "12/BB-UBND",
            AgendaItems = items,
            Attendance =
            [
                new("Trần Văn Bình", "Chủ tịch UBND xã", AttendanceStatus.Present),
                new("Lê Minh Đức", "Phó Chủ tịch UBND xã", AttendanceStatus.Present),
                new("Phạm Thị Hương", "Ủy viên, Trưởng Công an xã", AttendanceStatus.Late) { ArrivedAt = Start.AddMinutes(15) },
                new("Đỗ Văn Quý", "Ủy viên, Chỉ huy trưởng Quân sự", AttendanceStatus.Present),
                new("Võ Thị Ánh", "Công chức Tư pháp - Hộ tịch", AttendanceStatus.Absent) { Note = "đi công tác" },
            ],
        };
    }
}
