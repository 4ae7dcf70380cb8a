using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PaperListing.Web.Feeds;

public sealed record AtomPerson(string Name, string? Uri);

public sealed record AtomEntry(
    string Id, string Title, string Url, DateTimeOffset Published, IReadOnlyList<AtomPerson> Authors, string Summary, IReadOnlyList<string> Categories);

public sealed record AtomFeed(
    string Id, string Title, string SelfUrl, string AlternateUrl, DateTimeOffset Updated, AtomPerson Author, IReadOnlyList<AtomEntry> Entries);

/// <summary>Writes an Atom feed (RFC 4287). Pure: a feed in, its XML text out; characters XML cannot carry are dropped.</summary>
public static class AtomFeedWriter
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static string Write(AtomFeed feed)
    {
        var root = new XElement(Atom + "feed",
            new XElement(Atom + "id", feed.Id),
            new XElement(Atom + "title", Clean(feed.Title)),
            new XElement(Atom + "updated", Timestamp(feed.Updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", feed.SelfUrl)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", feed.AlternateUrl)),
            Person("author", feed.Author),
            new XElement(Atom + "generator", "PaperListing"),
            feed.Entries.Select(Entry));
        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{root}\n";
    }

    private static XElement Entry(AtomEntry entry) =>
        new(Atom + "entry",
            new XElement(Atom + "id", entry.Id),
            new XElement(Atom + "title", Clean(entry.Title)),
            new XElement(Atom + "updated", Timestamp(entry.Published)),
            new XElement(Atom + "published", Timestamp(entry.Published)),
            entry.Authors.Select(a => Person("author", a)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", entry.Url)),
            entry.Categories.Select(c => new XElement(Atom + "category", new XAttribute("term", Clean(c)))),
            new XElement(Atom + "summary", new XAttribute("type", "text"), Clean(entry.Summary)));

    private static XElement Person(string element, AtomPerson person) =>
        new(Atom + element,
            new XElement(Atom + "name", Clean(person.Name)),
            person.Uri is null ? null : new XElement(Atom + "uri", person.Uri));

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Keeps only characters XML 1.0 allows, so no seed text can break the feed.</summary>
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }
        return clean.ToString();
    }
}
