namespace Cabinet.Opinions;

/// <summary>
/// The consolidated report after the close: being drafted (or its drafting to be retried), awaiting the secretary's
/// then the chair's device signatures, then sealed by the organisation and archived.
/// </summary>
public enum OpinionReportStage
{
    None = 0,
    Drafting = 1,
    AwaitingSignatures = 2,
    Sealed = 3,
}
