using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace PaperListing.Web.Importing;

/// <summary>
/// Runs an enumeration on its own thread, a bounded number of chunks ahead of its consumer, so that reading, parsing
/// and hashing a seed file overlap with writing it (the database takes one core, the parser the other).
/// </summary>
internal static class ReadAhead
{
    private const int ChunkSize = 256;
    private const int Chunks = 8;

    public static IEnumerable<T> Of<T>(IEnumerable<T> source, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var buffer = new BlockingCollection<List<T>>(Chunks);
        Exception? failure = null;
        var producer = Task.Run(() =>
        {
            try
            {
                var chunk = new List<T>(ChunkSize);
                foreach (var item in source)
                {
                    chunk.Add(item);
                    if (chunk.Count == ChunkSize)
                    {
                        buffer.Add(chunk, stop.Token);
                        chunk = new List<T>(ChunkSize);
                    }
                }
                buffer.Add(chunk, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early; nothing more is wanted.
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                buffer.CompleteAdding();
            }
        }, CancellationToken.None);
        try
        {
            foreach (var chunk in buffer.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var item in chunk)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait(CancellationToken.None);
        }
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
