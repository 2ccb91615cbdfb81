using System.Buffers;
using System.Numerics;

namespace CallGateway.Media.Audio;

/// <summary>
/// Fixed ring of packet slots indexed by extended sequence number modulo a power-of-two capacity. Payloads are copied
/// into buffers rented from <see cref="ArrayPool{T}.Shared"/> and returned when a slot is released, so a running
/// stream does not allocate and memory stays bounded by capacity × the largest payload.
/// </summary>
internal sealed class JitterSlotRing
{
    private const long Empty = long.MinValue;

    private readonly long[] _sequence;
    private readonly uint[] _timestamp;
    private readonly int[] _length;
    private readonly byte[]?[] _payload;
    private readonly int _mask;

    public JitterSlotRing(int minimumCapacity)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)minimumCapacity);
        _mask = capacity - 1;
        _sequence = new long[capacity];
        _timestamp = new uint[capacity];
        _length = new int[capacity];
        _payload = new byte[capacity][];
        Array.Fill(_sequence, Empty);
    }

    public int Capacity => _mask + 1;

    public bool Contains(long sequence) => _sequence[Index(sequence)] == sequence;

    public uint TimestampOf(long sequence) => _timestamp[Index(sequence)];

    /// <summary>Stores a packet, replacing whatever older packet occupied the slot.</summary>
    public void Store(long sequence, uint timestamp, ReadOnlySpan<byte> payload)
    {
        var slot = Index(sequence);
        ReleaseSlot(slot);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(payload.Length, 1));
        payload.CopyTo(buffer);
        _payload[slot] = buffer;
        _length[slot] = payload.Length;
        _timestamp[slot] = timestamp;
        _sequence[slot] = sequence;
    }

    /// <summary>Copies the payload of a buffered packet; throws if <paramref name="destination"/> is too small.</summary>
    public int CopyTo(long sequence, Span<byte> destination)
    {
        var slot = Index(sequence);
        var length = _length[slot];
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination needs {length} bytes (MaxPayloadSize).", nameof(destination));
        }

        _payload[slot].AsSpan(0, length).CopyTo(destination);
        return length;
    }

    /// <summary>Frees the slot of <paramref name="sequence"/> if it holds that packet; returns whether it did.</summary>
    public bool Release(long sequence)
    {
        var slot = Index(sequence);
        if (_sequence[slot] != sequence)
        {
            return false;
        }

        ReleaseSlot(slot);
        return true;
    }

    public void ReleaseAll()
    {
        for (var slot = 0; slot < _sequence.Length; slot++)
        {
            ReleaseSlot(slot);
        }
    }

    private int Index(long sequence) => (int)(sequence & _mask);

    private void ReleaseSlot(int slot)
    {
        if (_payload[slot] is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _payload[slot] = null;
        }

        _sequence[slot] = Empty;
    }
}
