namespace CallGateway.Media.Transport;

/// <summary>An inclusive UDP port range for media sockets; (0, 0) lets the OS choose.</summary>
public readonly record struct PortRange(int Min, int Max)
{
    public static PortRange Any => new(0, 0);

    public bool IsAny => Min == 0 && Max == 0;

    public int Count => IsAny ? 0 : Max - Min + 1;

    public bool IsValid => IsAny || (Min is >= 1024 and <= 65535 && Max >= Min && Max <= 65535);
}
