using Cabinet.Notices;

namespace Cabinet.Hub;

/// <summary>The <c>NoticesChanged</c> push: the caller's unread count and, when one just arrived, the new notice.</summary>
public sealed record NoticeCount(int Unread, Notice? Latest);
