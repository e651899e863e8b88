using Cabinet.Errors;

namespace Cabinet.Meetings;

/// <summary>Bounds on what an agenda item may hold; the grain refuses anything outside them.</summary>
internal static class AgendaItemRules
{
    public const int MaxItems = 100;
    public const int MaxTitle = 300;
    public const int MaxPresenter = 120;
    public const int MaxDescription = 4000;
    public const int MaxPlannedMinutes = 600;

    public static CabinetError? Check(AgendaItemInput? input)
    {
        if (input is null)
        {
            return ErrorCodes.Invalid("Thiếu nội dung.");
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > MaxTitle)
        {
            return ErrorCodes.Invalid($"Tiêu đề phải có từ 1 đến {MaxTitle} ký tự.");
        }

        if ((input.Presenter?.Length ?? 0) > MaxPresenter)
        {
            return ErrorCodes.Invalid($"Người trình bày tối đa {MaxPresenter} ký tự.");
        }

        if ((input.Description?.Length ?? 0) > MaxDescription)
        {
            return ErrorCodes.Invalid($"Mô tả tối đa {MaxDescription} ký tự.");
        }

        return input.PlannedMinutes is < 0 or > MaxPlannedMinutes
            ? ErrorCodes.Invalid($"Thời lượng dự kiến phải từ 0 đến {MaxPlannedMinutes} phút.")
            : null;
    }

    public static AgendaItem ToItem(string id, AgendaItemInput input) =>
        new(id, input.Title.Trim(), input.Presenter?.Trim() ?? "", input.PlannedMinutes, input.Description?.Trim() ?? "");
}
