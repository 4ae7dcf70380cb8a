namespace PaperListing.Tests.Infrastructure;

/// <summary>
/// The real seed (the home listing, 20 papers) and a synthetic "Second Listing" of 45 papers in 3 pages, whose papers
/// all share the author "Shared Author": enough to page every kind of list.
/// </summary>
public class TwoListingSite : SiteFactory
{
    public const string RealSlug = "implicit-regularization-in-deep-learning";
    public const string SecondSlug = "second-listing";

    /// <summary>The real seed's first paper: its address is derived from its content, so it is known in advance.</summary>
    public const string FirstPaperId = "qebznk55xr";
    public const string FirstPaperPath = "/papers/qebznk55xr/we-argue-that-the-optimization-plays-a-crucial-role-in";

    public TwoListingSite()
    {
        WithRealSeed();
        WithSeed("001_second.txt", TestSeeds.Dump("Second Listing", 45));
    }
}
