using System.Security.Cryptography;

namespace CallGateway.Media.Dtls;

/// <summary>
/// SRTP master keys and salts exported from a DTLS-SRTP handshake, already resolved for our role. RFC 5764 §4.2 lays
/// the exported material out as
/// <code>
///   +-------------------+-------------------+--------------------+--------------------+
///   | client_write_key  | server_write_key  | client_write_salt  | server_write_salt  |
///   +-------------------+-------------------+--------------------+--------------------+
///     keyLen              keyLen              saltLen              saltLen
///   profile 1 (AES-CM-80): 16+16+14+14 = 60 octets; profile 7 (AEAD-AES-128-GCM): 16+16+12+12 = 56 octets
/// </code>
/// "Local" is what we protect outgoing SRTP with (the client write key when we are the DTLS client), "remote" what we
/// unprotect incoming SRTP with. Never log these values. <see cref="Dispose"/> zeroes them.
/// </summary>
public sealed class DtlsSrtpKeys : IDisposable
{
    private readonly byte[] _material;
    private readonly int _keyLength;
    private readonly int _saltLength;
    private readonly bool _isClient;

    private DtlsSrtpKeys(DtlsSrtpProfile profile, DtlsRole role, byte[] material)
    {
        Profile = profile;
        _material = material;
        _keyLength = profile.GetMasterKeyLength();
        _saltLength = profile.GetMasterSaltLength();
        _isClient = role == DtlsRole.Client;
    }

    /// <summary>The negotiated protection profile.</summary>
    public DtlsSrtpProfile Profile { get; }

    /// <summary>Master key for SRTP/SRTCP we send.</summary>
    public ReadOnlySpan<byte> LocalMasterKey => _isClient ? ClientKey : ServerKey;

    /// <summary>Master salt for SRTP/SRTCP we send.</summary>
    public ReadOnlySpan<byte> LocalMasterSalt => _isClient ? ClientSalt : ServerSalt;

    /// <summary>Master key for SRTP/SRTCP we receive.</summary>
    public ReadOnlySpan<byte> RemoteMasterKey => _isClient ? ServerKey : ClientKey;

    /// <summary>Master salt for SRTP/SRTCP we receive.</summary>
    public ReadOnlySpan<byte> RemoteMasterSalt => _isClient ? ServerSalt : ClientSalt;

    private ReadOnlySpan<byte> ClientKey => _material.AsSpan(0, _keyLength);

    private ReadOnlySpan<byte> ServerKey => _material.AsSpan(_keyLength, _keyLength);

    private ReadOnlySpan<byte> ClientSalt => _material.AsSpan(2 * _keyLength, _saltLength);

    private ReadOnlySpan<byte> ServerSalt => _material.AsSpan((2 * _keyLength) + _saltLength, _saltLength);

    /// <summary>
    /// Splits exported keying material (RFC 5764 §4.2) for <paramref name="role"/>. The material is copied.
    /// </summary>
    public static DtlsSrtpKeys FromKeyingMaterial(DtlsSrtpProfile profile, DtlsRole role, ReadOnlySpan<byte> material)
    {
        if (!profile.IsDefined())
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown DTLS-SRTP protection profile.");
        }

        if (material.Length != profile.GetKeyingMaterialLength())
        {
            throw new ArgumentException(
                $"{profile.GetRfcName()} needs {profile.GetKeyingMaterialLength()} octets of keying material.",
                nameof(material));
        }

        return new DtlsSrtpKeys(profile, role, material.ToArray());
    }

    /// <summary>Zeroes the key material. The spans must not be used afterwards.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_material);

    /// <summary>Names the profile only; key material is never part of the text.</summary>
    public override string ToString() => $"DtlsSrtpKeys({Profile.GetRfcName()})";
}
