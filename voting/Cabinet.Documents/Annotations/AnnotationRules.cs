namespace Cabinet.Documents.Annotations;

/// <summary>
/// The bounds of one annotation. Text is kept exactly as given (it is shown as text, never as HTML), but control
/// characters other than line breaks and tabs are refused.
/// </summary>
public static class AnnotationRules
{
    public const int MaxRects = 500;
    public const int MaxQuoteChars = 4000;
    public const int MaxQuoteContext = 32;
    public const int MaxStrokes = 500;

    /// <summary>The highlight and ink colours a client may choose (or none: the viewer's default).</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#ffeb3b", "#8bc34a", "#2196f3", "#e91e63", "#ff9800", "#f44336", "#9c27b0", "#212121"];

    public static DocumentError? Check(AnnotationShape? shape, int pageCount, DocumentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (shape is null || !Enum.IsDefined(shape.Kind))
        {
            return Invalid("thiếu loại ghi chú.");
        }

        return Page(shape.Page, pageCount) ?? Rects(shape) ?? Quote(shape) ?? Text(shape, limits) ?? Ink(shape, limits) ?? Color(shape.Color);
    }

    public static DocumentError? Count(int existingByAuthor, DocumentLimits limits) =>
        existingByAuthor >= limits.MaxAnnotationsPerPersonPerDocument ? DocumentErrors.TooManyAnnotations : null;

    private static DocumentError? Page(int page, int pageCount) =>
        page >= 1 && page <= pageCount ? null : Invalid($"trang {page} nằm ngoài tài liệu ({pageCount} trang).");

    private static DocumentError? Rects(AnnotationShape shape)
    {
        var rects = shape.Rects ?? [];
        if (rects.Count > MaxRects)
        {
            return Invalid($"tối đa {MaxRects} vùng.");
        }

        if (shape.Kind != ShapeKind.Ink && rects.Count == 0)
        {
            return Invalid("cần vị trí trên trang.");
        }

        return rects.All(r => r is not null && Fraction(r.X) && Fraction(r.Y) && Fraction(r.Width) && Fraction(r.Height)
                && r.X + r.Width <= 1.000001 && r.Y + r.Height <= 1.000001)
            ? null
            : Invalid("vị trí phải nằm trong trang (tỉ lệ từ 0 đến 1).");
    }

    private static DocumentError? Quote(AnnotationShape shape)
    {
        if (shape.Quote is not { } q)
        {
            return shape.Kind == ShapeKind.Highlight ? Invalid("đánh dấu cần đoạn văn bản được chọn.") : null;
        }

        if (string.IsNullOrWhiteSpace(q.Exact) || q.Exact.Length > MaxQuoteChars)
        {
            return Invalid($"đoạn trích cần từ 1 đến {MaxQuoteChars} ký tự.");
        }

        return (q.Prefix?.Length ?? 0) > MaxQuoteContext || (q.Suffix?.Length ?? 0) > MaxQuoteContext
            ? Invalid($"ngữ cảnh trước/sau đoạn trích tối đa {MaxQuoteContext} ký tự.")
            : null;
    }

    private static DocumentError? Text(AnnotationShape shape, DocumentLimits limits)
    {
        if (shape.Text is null)
        {
            return shape.Kind == ShapeKind.Note ? Invalid("ghi chú cần nội dung.") : null;
        }

        if (shape.Text.Length > limits.MaxNoteChars || (shape.Kind == ShapeKind.Note && string.IsNullOrWhiteSpace(shape.Text)))
        {
            return Invalid($"nội dung cần từ 1 đến {limits.MaxNoteChars} ký tự.");
        }

        return shape.Text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? Invalid("nội dung có ký tự điều khiển không được phép.")
            : null;
    }

    private static DocumentError? Ink(AnnotationShape shape, DocumentLimits limits)
    {
        var strokes = shape.Ink ?? [];
        if (shape.Kind != ShapeKind.Ink)
        {
            return strokes.Count == 0 ? null : Invalid("chỉ nét vẽ tay mới có nét.");
        }

        if (strokes.Count is 0 or > MaxStrokes || strokes.Any(s => s is null || s.Count < 2 || s.Count % 2 != 0))
        {
            return Invalid($"nét vẽ cần từ 1 đến {MaxStrokes} nét, mỗi nét là các cặp toạ độ.");
        }

        if (strokes.Sum(s => s.Count / 2) > limits.MaxInkPoints)
        {
            return Invalid($"nét vẽ tối đa {limits.MaxInkPoints} điểm.");
        }

        return strokes.All(s => s.All(Fraction)) ? null : Invalid("điểm vẽ phải nằm trong trang (tỉ lệ từ 0 đến 1).");
    }

    private static DocumentError? Color(string? color) =>
        color is null || Palette.Contains(color) ? null : Invalid($"màu phải là một trong {string.Join(", ", Palette)}.");

    private static bool Fraction(double value) => double.IsFinite(value) && value >= 0 && value <= 1;

    private static DocumentError Invalid(string detail) => DocumentErrors.InvalidAnnotation(detail);
}
