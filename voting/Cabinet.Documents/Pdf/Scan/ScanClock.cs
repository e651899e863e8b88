namespace Cabinet.Documents.Pdf.Scan;

/// <summary>The scan's deadline, checked in every loop whose length the input decides.</summary>
internal sealed class ScanClock(int seconds)
{
    private readonly long _deadline = Environment.TickCount64 + (seconds * 1000L);

    public int Seconds => seconds;

    public bool Expired => Environment.TickCount64 > _deadline;
}
