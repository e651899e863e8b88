namespace Cabinet.Voting.Motions;

public enum Secrecy
{
    /// <summary>Biểu quyết công khai: who chose what is kept and shown.</summary>
    Named,

    /// <summary>Bỏ phiếu kín: only who voted is kept, never who chose what.</summary>
    Secret,
}
