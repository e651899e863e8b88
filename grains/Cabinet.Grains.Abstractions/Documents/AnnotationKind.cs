namespace Cabinet.Documents;

public enum AnnotationKind
{
    Highlight = 0,
    Note = 1,
    Ink = 2,
}
