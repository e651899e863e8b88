namespace Cabinet.Meetings;

/// <summary>How the chair moves the agenda: to the next or previous item, or straight to one item.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.agenda-move")]
public sealed record AgendaMove(AgendaMoveKind Kind, string? ItemId = null)
{
    public static AgendaMove Next { get; } = new(AgendaMoveKind.Next);

    public static AgendaMove Previous { get; } = new(AgendaMoveKind.Previous);

    public static AgendaMove To(string itemId) => new(AgendaMoveKind.Jump, itemId);
}
