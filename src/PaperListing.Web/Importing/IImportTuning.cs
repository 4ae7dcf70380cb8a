using System.Data.Common;

namespace PaperListing.Web.Importing;

/// <summary>
/// Engine-specific settings around a bulk import (memory, durability, index maintenance), kept apart so the
/// import's SQL stays plain: another database gets its own implementation.
/// </summary>
public interface IImportTuning
{
    /// <summary>
    /// Called on the import's open connection before the first file; also finishes an index deferral that a crash
    /// left behind, before anything reads the database.
    /// </summary>
    void BeforeImport(DbConnection connection);

    /// <summary>
    /// Drops the indexes that are cheaper to build once at the end of a large first load, inside
    /// <paramref name="transaction"/> and recorded in the database with it; returns false when nothing was deferred.
    /// </summary>
    bool DeferIndexes(DbConnection connection, DbTransaction transaction);

    /// <summary>Builds the deferred indexes again, in one transaction that also clears the record of the deferral.</summary>
    void RestoreIndexes(DbConnection connection);

    /// <summary>Called on the same connection after the last file, however the import ended.</summary>
    void AfterImport(DbConnection connection);

    /// <summary>A writer of many rows of whole numbers into <paramref name="table"/>, inside <paramref name="sql"/>'s transaction.</summary>
    IRowWriter Rows(SqlBatch sql, string table, params string[] columns) => new RowInserter(sql, table, columns);
}
