namespace Cabinet.Records.Minutes;

public enum AttendanceStatus
{
    Present,
    Late,
    Absent,
}
