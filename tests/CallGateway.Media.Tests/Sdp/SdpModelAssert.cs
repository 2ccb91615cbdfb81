using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

/// <summary>Field-by-field equality of two parsed descriptions (the model classes have no value equality).</summary>
internal static class SdpModelAssert
{
    public static void Equal(SessionDescription expected, SessionDescription actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Origin, actual.Origin);
        Assert.Equal(expected.SessionName, actual.SessionName);
        Assert.Equal(expected.Information, actual.Information);
        Assert.Equal(expected.Uri, actual.Uri);
        Assert.Equal(expected.EmailAddresses, actual.EmailAddresses);
        Assert.Equal(expected.PhoneNumbers, actual.PhoneNumbers);
        Assert.Equal(expected.Connection, actual.Connection);
        Assert.Equal(expected.Bandwidths, actual.Bandwidths);
        Assert.Equal(expected.Timings.Count, actual.Timings.Count);
        for (var i = 0; i < expected.Timings.Count; i++)
        {
            Assert.Equal(expected.Timings[i].StartTime, actual.Timings[i].StartTime);
            Assert.Equal(expected.Timings[i].StopTime, actual.Timings[i].StopTime);
            Assert.Equal(expected.Timings[i].RepeatTimes, actual.Timings[i].RepeatTimes);
        }

        Assert.Equal(expected.TimeZoneAdjustments, actual.TimeZoneAdjustments);
        Assert.Equal(expected.EncryptionKey, actual.EncryptionKey);
        Assert.Equal(expected.Attributes, actual.Attributes);
        Assert.Equal(expected.Media.Count, actual.Media.Count);
        for (var i = 0; i < expected.Media.Count; i++)
        {
            MediaEqual(expected.Media[i], actual.Media[i]);
        }
    }

    private static void MediaEqual(MediaDescription expected, MediaDescription actual)
    {
        Assert.Equal(expected.Media, actual.Media);
        Assert.Equal(expected.Port, actual.Port);
        Assert.Equal(expected.PortCount, actual.PortCount);
        Assert.Equal(expected.Protocol, actual.Protocol);
        Assert.Equal(expected.Formats, actual.Formats);
        Assert.Equal(expected.Information, actual.Information);
        Assert.Equal(expected.Connections, actual.Connections);
        Assert.Equal(expected.Bandwidths, actual.Bandwidths);
        Assert.Equal(expected.EncryptionKey, actual.EncryptionKey);
        Assert.Equal(expected.Attributes, actual.Attributes);
    }
}
