namespace Fairshare.Node.Blobs;

/// <summary>
/// An upload's body as <see cref="BlobQuota"/> hands it to the store: it reads the request's stream and, before it
/// hands on bytes beyond what the upload has reserved, reserves exactly those (<c>reserveMore(bytes)</c>, which may
/// evict when the quota is full). When no room can
/// be had it throws an <see cref="IOException"/> and sets <see cref="Exceeded"/>: the store then keeps nothing.
/// </summary>
internal sealed class QuotaStream(Stream inner, Func<long, bool> reserveMore) : Stream
{
    /// <summary>Bytes handed on so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Bytes that arrived: those handed on, and those of a read refused for want of room.</summary>
    public long BytesArrived { get; private set; }

    /// <summary>Bytes reserved for this upload so far (the caller releases them when the upload ends).</summary>
    public long ReservedBytes { get; private set; }

    /// <summary>Whether reading stopped because no more room could be reserved.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Counts <paramref name="bytes"/> reserved before reading started (the declared length).</summary>
    public void AddReserved(long bytes) => ReservedBytes += bytes;

    public override int Read(byte[] buffer, int offset, int count) => Admit(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Admit(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Admit(int read)
    {
        long after = BytesRead + read;
        BytesArrived = after;
        if (after > ReservedBytes)
        {
            long more = after - ReservedBytes;
            if (!reserveMore(more))
            {
                Exceeded = true;
                throw new IOException($"the blob store has no room for more than {BytesRead} bytes of this upload");
            }

            ReservedBytes += more;
        }

        BytesRead = after;
        return read;
    }
}
