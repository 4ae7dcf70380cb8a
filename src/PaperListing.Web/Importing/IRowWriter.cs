namespace PaperListing.Web.Importing;

/// <summary>
/// Rows of whole numbers (ids and positions) for one table, written in bulk the engine's fastest way: the import
/// writes millions of them. Rows reach the table at the latest at <see cref="Flush"/>, in the order they were added.
/// </summary>
public interface IRowWriter
{
    void Add(params ReadOnlySpan<long> row);

    void Flush();
}
