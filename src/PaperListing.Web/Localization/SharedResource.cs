namespace PaperListing.Web;

/// <summary>The one set of UI strings; English text is the key, Resources/SharedResource.ja.resx holds Japanese.</summary>
public sealed class SharedResource;
