using Microsoft.EntityFrameworkCore;

namespace PaperListing.Web.Data.Engines;

/// <summary>
/// Everything that differs between the database engines, chosen once at startup from Database:Provider: how a
/// context connects, how the schema is found, dropped and created, and how one process at a time gets to prepare
/// the schema and import. Everything else (queries, the import's SQL) is the same for every engine; what the import
/// tunes per engine is the import's own (Importing/Engines).
/// </summary>
public abstract class DatabaseEngine
{
    /// <summary>"Sqlite" or "Postgres", as in the setting.</summary>
    public abstract string Name { get; }

    /// <summary>Points a context at the database, with this engine's provider.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>
    /// Waits until this process alone may prepare the schema and import (other processes over the same database wait
    /// here in turn); disposing the result lets the next one in.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockImportAsync(ILogger logger, CancellationToken cancellationToken);

    /// <summary>The names of the tables the database holds now (none for a database that does not exist yet).</summary>
    public abstract IReadOnlyList<string> Tables(PapersDbContext db);

    /// <summary>Removes the site's tables and everything in them, for a rebuild.</summary>
    public abstract void Drop(PapersDbContext db);

    /// <summary>Creates the schema in an empty database (creating the database itself where the engine can).</summary>
    public abstract void Create(PapersDbContext db);

    /// <summary>The tables kept beside the model's own (the search index, in this engine's SQL).</summary>
    public abstract SchemaExtension Extension { get; }

    /// <summary>SQL added to the model's own schema (the search index); part of the schema's fingerprint.</summary>
    public string ExtraSchema => Extension.Sql;

    /// <summary>Drops the idle connections of this engine's connection pool, broken when the server went away.</summary>
    public virtual void ClearPool()
    {
    }

    /// <summary>Per-database settings applied at every start, after the schema is ready.</summary>
    public virtual void AfterPrepare(PapersDbContext db)
    {
    }
}
