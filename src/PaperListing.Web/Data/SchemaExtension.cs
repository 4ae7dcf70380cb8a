namespace PaperListing.Web.Data;

/// <summary>
/// Tables a feature keeps beside the EF Core model in the engine's own SQL (the full-text index): created with the
/// schema, part of its fingerprint, dropped with it. The feature that owns them supplies this; the engine only runs it.
/// </summary>
/// <param name="Sql">The statements that create them, after the model's tables.</param>
/// <param name="Tables">Their names, for a rebuild that drops the site's tables one by one.</param>
public sealed record SchemaExtension(string Sql, IReadOnlyList<string> Tables);
