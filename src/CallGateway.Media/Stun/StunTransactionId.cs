using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CallGateway.Media.Stun;

/// <summary>
/// The 96-bit STUN transaction ID (RFC 8489 §5), held as two integers so it can key a dictionary without allocating.
/// It must be uniformly random for requests (RFC 8489 §6: "cryptographically random").
/// </summary>
/// <param name="High">The first 8 bytes, big-endian.</param>
/// <param name="Low">The last 4 bytes, big-endian.</param>
public readonly record struct StunTransactionId(ulong High, uint Low)
{
    /// <summary>Length of a transaction ID on the wire.</summary>
    public const int Length = 12;

    /// <summary>Creates a cryptographically random transaction ID.</summary>
    public static StunTransactionId NewRandom()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        return Read(bytes);
    }

    /// <summary>Reads an ID from the first 12 bytes of <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than 12 bytes.</exception>
    public static StunTransactionId Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Length)
        {
            throw new ArgumentException("A transaction ID is 12 bytes.", nameof(source));
        }

        return new StunTransactionId(
            BinaryPrimitives.ReadUInt64BigEndian(source),
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]));
    }

    /// <summary>Writes the 12 bytes to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than 12 bytes of room.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("A transaction ID is 12 bytes.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Low);
    }

    /// <summary>Lower-case hex, 24 characters.</summary>
    public override string ToString() =>
        High.ToString("x16", CultureInfo.InvariantCulture) + Low.ToString("x8", CultureInfo.InvariantCulture);
}
