using System.Buffers;
using System.Security.Cryptography;

namespace CallGateway.Media.Ice;

/// <summary>
/// ICE username fragment and password (RFC 8445 §5.3; SDP grammar RFC 8839 §5.4: ice-ufrag is 4-256 ice-chars,
/// ice-pwd 22-256 ice-chars, where ice-char = ALPHA / DIGIT / "+" / "/").
/// </summary>
/// <remarks>
/// The password is a secret (it keys MESSAGE-INTEGRITY); <see cref="ToString"/> never prints it.
/// </remarks>
public sealed record IceCredentials
{
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static readonly SearchValues<char> IceCharValues = SearchValues.Create(IceChars);
    private const int GeneratedUfragLength = 8;
    private const int GeneratedPasswordLength = 24;

    /// <summary>Creates validated credentials.</summary>
    /// <exception cref="ArgumentException">A value is outside the RFC 8839 §5.4 grammar.</exception>
    public IceCredentials(string ufrag, string password)
    {
        if (!IsValidUfrag(ufrag))
        {
            throw new ArgumentException("ice-ufrag must be 4-256 ice-chars (RFC 8839 §5.4).", nameof(ufrag));
        }

        if (!IsValidPassword(password))
        {
            throw new ArgumentException("ice-pwd must be 22-256 ice-chars (RFC 8839 §5.4).", nameof(password));
        }

        Ufrag = ufrag;
        Password = password;
    }

    /// <summary>The username fragment (a=ice-ufrag).</summary>
    public string Ufrag { get; }

    /// <summary>The password (a=ice-pwd). Secret.</summary>
    public string Password { get; }

    /// <summary>
    /// Fresh random credentials from <see cref="RandomNumberGenerator"/>: an 8-character ufrag and a 24-character
    /// password (144 bits, above the 128 bits RFC 8445 §5.3 asks for).
    /// </summary>
    public static IceCredentials Generate() => new(
        RandomNumberGenerator.GetString(IceChars, GeneratedUfragLength),
        RandomNumberGenerator.GetString(IceChars, GeneratedPasswordLength));

    /// <summary>True for 4-256 ice-chars.</summary>
    public static bool IsValidUfrag(string? value) => IsIceCharString(value, 4);

    /// <summary>True for 22-256 ice-chars.</summary>
    public static bool IsValidPassword(string? value) => IsIceCharString(value, 22);

    /// <summary>Shows the ufrag only.</summary>
    public override string ToString() => "IceCredentials { Ufrag = " + Ufrag + " }";

    private static bool IsIceCharString(string? value, int minLength) =>
        value is not null
        && value.Length >= minLength
        && value.Length <= 256
        && !value.AsSpan().ContainsAnyExcept(IceCharValues);
}
