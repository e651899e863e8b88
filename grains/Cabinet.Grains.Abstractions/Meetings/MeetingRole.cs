namespace Cabinet.Meetings;

/// <summary>
/// A person's role in one meeting. <see cref="None"/> means they may not see it at all. Members (thành viên) are
/// <see cref="Chair"/> and <see cref="Delegate"/>: counted for quorum, they vote. A <see cref="Guest"/> (khách mời)
/// reads the documents and may ask for the floor, never counted, never votes. An <see cref="Observer"/> is granted
/// read access by the chair (or is an administrator of the organisation): follows, reads, never speaks or votes.
/// <see cref="Organizer"/> is never invited: an organiser of the organisation preparing a draft they are not part of.
/// </summary>
public enum MeetingRole
{
    None = 0,
    Observer = 1,
    Delegate = 2,
    Secretary = 3,
    Chair = 4,
    Guest = 5,
    Organizer = 6,
}
