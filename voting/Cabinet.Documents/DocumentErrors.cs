namespace Cabinet.Documents;

/// <summary>Why a file is not accepted as a meeting document, or an annotation is refused. Codes are stable API.</summary>
public static class DocumentErrors
{
    public static readonly DocumentError Empty = new("documents.empty", "Tệp rỗng: không có nội dung để tải lên.");
    public static readonly DocumentError NotPdf = new("documents.not_pdf", "Tệp không phải PDF (nội dung không bắt đầu bằng %PDF-); chỉ nhận tài liệu PDF.");
    public static readonly DocumentError Damaged = new("documents.damaged", "Tệp PDF bị hỏng hoặc không đầy đủ nên không mở được; hãy xuất lại tệp rồi tải lên.");
    public static readonly DocumentError Encrypted = new("documents.encrypted", "Tệp PDF được đặt mật khẩu nên không đọc được; hãy tải lên bản không mật khẩu.");

    public static DocumentError TooLarge(long maxBytes) =>
        new("documents.too_large", $"Tệp vượt quá dung lượng cho phép ({Mebibytes(maxBytes)} MB).");

    /// <summary>A file over one of the inspection budgets (<see cref="DocumentLimits"/>); says which one.</summary>
    public static DocumentError TooComplex(string budget) =>
        new("documents.too_complex", $"Tệp PDF quá phức tạp để kiểm tra an toàn: {budget}. Hãy xuất lại tệp gọn hơn hoặc chia thành nhiều tệp rồi tải lên.");

    public static DocumentError TooManyPages(int maxPages) => TooComplex($"nhiều hơn {maxPages} trang");

    public static DocumentError StreamTooLarge(long maxBytes) => TooComplex($"một luồng nén giải nén ra hơn {Mebibytes(maxBytes)} MB");

    public static DocumentError TotalTooLarge(long maxBytes) => TooComplex($"các luồng nén giải nén ra tổng cộng hơn {Mebibytes(maxBytes)} MB");

    public static DocumentError TooDeep(int maxDepth) => TooComplex($"cấu trúc lồng nhau sâu hơn {maxDepth} cấp");

    public static DocumentError TooSlow(int seconds) => TooComplex($"việc kiểm tra cần quá {seconds} giây");

    public static DocumentError TooMuchMemory(long maxBytes) => TooComplex($"việc đọc các trang cần quá {Mebibytes(maxBytes)} MB bộ nhớ");

    /// <summary>An annotation outside the configured bounds or malformed; says which part and why.</summary>
    public static DocumentError InvalidAnnotation(string detail) => new("annotations.invalid", $"Ghi chú không hợp lệ: {detail}");

    public static readonly DocumentError TooManyAnnotations = new("annotations.limit", "Bạn đã đạt số ghi chú tối đa cho tài liệu này.");

    private static long Mebibytes(long bytes) => bytes / (1024 * 1024);
}
