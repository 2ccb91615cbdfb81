using System.Globalization;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace CallGateway.Media.Dtls;

/// <summary>
/// Cipher suites for WebRTC's DTLS 1.2 (RFC 8827 §6.5 requires TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 and forward
/// secrecy). ECDHE only, AEAD first, as Chromium and Firefox order them.
/// </summary>
internal static class DtlsCipherSuites
{
    // The server holds only our ECDSA certificate, so it can only select ECDHE_ECDSA suites.
    private static readonly int[] EcdsaSuites =
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    ];

    // As a client we also accept a server with an RSA certificate (some media servers still use one).
    private static readonly int[] ClientSuites =
    [
        .. EcdsaSuites,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
    ];

    public static int[] ForServer(TlsCrypto crypto) => TlsUtilities.GetSupportedCipherSuites(crypto, EcdsaSuites);

    public static int[] ForClient(TlsCrypto crypto) => TlsUtilities.GetSupportedCipherSuites(crypto, ClientSuites);

    public static string GetName(int cipherSuite) => cipherSuite switch
    {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 => "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 => "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 => "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA => "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA => "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 => "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 => "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 => "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA => "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA => "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        _ => "0x" + cipherSuite.ToString("X4", CultureInfo.InvariantCulture),
    };
}
