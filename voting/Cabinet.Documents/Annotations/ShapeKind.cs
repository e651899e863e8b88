namespace Cabinet.Documents.Annotations;

public enum ShapeKind
{
    Highlight = 0,
    Note = 1,
    Ink = 2,
}
