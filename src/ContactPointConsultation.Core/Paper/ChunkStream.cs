using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Paper;

/// <summary>
/// A held file read back from its pieces (<see cref="PaperImportChunk"/>), one piece in memory at a time, on the
/// context it is given (the writer's, inside its transaction, or one of its own). Forward only, and only asynchronously.
/// </summary>
internal sealed class ChunkStream(ConsultationDbContext db, long importId) : Stream
{
    private byte[] _piece = [];
    private int _offset;
    private int _next;
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _piece.Length)
        {
            if (_ended)
            {
                return 0;
            }

            var sequence = _next++;
            var piece = await db.PaperImportChunks.AsNoTracking()
                .Where(c => c.PaperImportId == importId && c.Sequence == sequence)
                .Select(c => c.Data)
                .SingleOrDefaultAsync(cancellationToken);
            (_piece, _offset, _ended) = (piece ?? [], 0, piece is null);
        }

        var count = Math.Min(buffer.Length, _piece.Length - _offset);
        _piece.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A held file is read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
