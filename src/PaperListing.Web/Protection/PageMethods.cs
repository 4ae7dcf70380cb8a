using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace PaperListing.Web.Protection;

/// <summary>
/// A page answers only the methods it has handlers for (GET brings HEAD); routing answers any other with 405 and an
/// Allow header, before antiforgery or the page run. A page marked <see cref="AnswersEveryMethodAttribute"/> is left open.
/// </summary>
public sealed class PageMethods : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.HandlerType.IsDefined(typeof(AnswersEveryMethodAttribute), inherit: true))
        {
            return;
        }
        var methods = model.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (methods.Count == 0 || methods.Contains(HttpMethods.Get))
        {
            methods.UnionWith([HttpMethods.Get, HttpMethods.Head]);
        }
        model.EndpointMetadata.Add(new HttpMethodMetadata([.. methods.Order(StringComparer.Ordinal)]));
    }
}

/// <summary>Marks a page that must answer every method: the error page, which renders refusals of any request.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnswersEveryMethodAttribute : Attribute;
