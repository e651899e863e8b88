namespace Cabinet.Web.Localization;

/// <summary>
/// The shared strings of the UI: <c>IStringLocalizer&lt;Text&gt;</c> (injected as <c>L</c> in every component). Keys are
/// the Vietnamese text itself, so Vietnamese needs no resource file and a missing translation still shows Vietnamese;
/// English lives in Resources/Localization/Text.en.resx. A component with many strings of its own may have its own
/// file beside it (Resources/Components/…/Name.en.resx, localizer of that component's type).
/// </summary>
public sealed class Text;
