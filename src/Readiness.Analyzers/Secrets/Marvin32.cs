namespace Readiness.Analyzers.Secrets;

/// <summary>
/// Marvin32, the seeded 64-bit checksum Microsoft uses to watermark its identifiable keys (and, with a random seed, in
/// <c>string.GetHashCode</c>). Written from the public algorithm (SymCrypt's <c>marvin32.c</c>): the input is read as
/// little-endian 32-bit words, each added to one half of the state and mixed by <see cref="Block"/>; the tail is padded
/// with <c>0x80</c>; two final blocks; the 32-bit form folds the halves with XOR. Never throws on any input.
/// </summary>
internal static class Marvin32
{
    /// <summary>The 64-bit checksum of <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
    public static ulong Hash64(byte[] data, int offset, int length, ulong seed)
    {
        if (offset < 0 || length < 0 || offset > data.Length - length)
        {
            return 0;
        }

        var p0 = (uint)seed;
        var p1 = (uint)(seed >> 32);
        var i = offset;
        var end = offset + length;
        for (; end - i >= 4; i += 4)
        {
            p0 += (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            Block(ref p0, ref p1);
        }

        // The last 0-3 bytes, then a 0x80 marker byte, little-endian in one word.
        uint tail = 0x80;
        for (var k = end - 1; k >= i; k--)
        {
            tail = (tail << 8) | data[k];
        }

        p0 += tail;
        Block(ref p0, ref p1);
        Block(ref p0, ref p1);
        return ((ulong)p1 << 32) | p0;
    }

    /// <summary>The 32-bit form used by the key formats: the two halves of <see cref="Hash64"/> XORed.</summary>
    public static int Hash32(byte[] data, int offset, int length, ulong seed)
    {
        var hash = Hash64(data, offset, length, seed);
        return (int)((uint)(hash >> 32) ^ (uint)hash);
    }

    private static void Block(ref uint p0, ref uint p1)
    {
        p1 ^= p0;
        p0 = Rotl(p0, 20);
        p0 += p1;
        p1 = Rotl(p1, 9);
        p1 ^= p0;
        p0 = Rotl(p0, 27);
        p0 += p1;
        p1 = Rotl(p1, 19);
    }

    private static uint Rotl(uint value, int shift) => (value << shift) | (value >> (32 - shift));
}
