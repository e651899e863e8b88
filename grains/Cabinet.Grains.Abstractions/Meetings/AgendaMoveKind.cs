namespace Cabinet.Meetings;

public enum AgendaMoveKind
{
    Next = 0,
    Previous = 1,
    Jump = 2,
}
