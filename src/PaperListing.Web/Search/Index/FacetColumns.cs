using Lucene.Net.Index;

namespace PaperListing.Web.Search.Index;

/// <summary>
/// The facet values of every document of one index segment, read once from its doc values when the index is opened
/// into plain arrays (the year of each document, and its categories and fields as runs of ids), so counting the
/// facets of a search costs a few array reads per match. About 20 bytes a paper.
/// </summary>
public sealed class FacetColumns
{
    private FacetColumns(int[] years, int[] categoryStarts, int[] categories, int[] fieldStarts, int[] fields)
    {
        Years = years;
        CategoryStarts = categoryStarts;
        Categories = categories;
        FieldStarts = fieldStarts;
        Fields = fields;
        MaxYear = years.Length == 0 ? 0 : years.Max();
        MaxCategory = categories.Length == 0 ? 0 : categories.Max();
        MaxField = fields.Length == 0 ? 0 : fields.Max();
    }

    public int MaxYear { get; }

    public int MaxCategory { get; }

    public int MaxField { get; }

    /// <summary>The year of each document, 0 when undated.</summary>
    public int[] Years { get; }

    /// <summary>Document d's category ids are <see cref="Categories"/>[CategoryStarts[d]..CategoryStarts[d + 1]].</summary>
    public int[] CategoryStarts { get; }

    public int[] Categories { get; }

    /// <summary>Document d's field ids are <see cref="Fields"/>[FieldStarts[d]..FieldStarts[d + 1]].</summary>
    public int[] FieldStarts { get; }

    public int[] Fields { get; }

    public static FacetColumns Read(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        var years = new int[count];
        var yearValues = reader.GetNumericDocValues(IndexFields.Year);
        for (var doc = 0; yearValues is not null && doc < count; doc++)
        {
            years[doc] = (int)yearValues.Get(doc);
        }
        var (categoryStarts, categories) = Runs(reader.GetSortedSetDocValues(IndexFields.CategoryFacet), count);
        var (fieldStarts, fields) = Runs(reader.GetSortedSetDocValues(IndexFields.FieldFacet), count);
        return new FacetColumns(years, categoryStarts, categories, fieldStarts, fields);
    }

    private static (int[] Starts, int[] Ids) Runs(SortedSetDocValues? values, int count)
    {
        var starts = new int[count + 1];
        var ids = new List<int>(count * 2);
        if (values is not null)
        {
            var idOfOrdinal = new int[values.ValueCount];
            var text = new Lucene.Net.Util.BytesRef();
            for (var ordinal = 0; ordinal < idOfOrdinal.Length; ordinal++)
            {
                values.LookupOrd(ordinal, text);
                idOfOrdinal[ordinal] = int.Parse(text.Utf8ToString(), System.Globalization.CultureInfo.InvariantCulture);
            }
            for (var doc = 0; doc < count; doc++)
            {
                starts[doc] = ids.Count;
                values.SetDocument(doc);
                long ordinal;
                while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ids.Add(idOfOrdinal[ordinal]);
                }
            }
        }
        starts[count] = ids.Count;
        return (starts, ids.ToArray());
    }
}
