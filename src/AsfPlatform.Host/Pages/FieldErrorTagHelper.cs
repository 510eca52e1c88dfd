using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AsfPlatform.Host.Pages;

/// <summary>
/// Marks a form field that has an error, on every page at once: <c>aria-invalid="true"</c>, the message written just
/// above the field and tied to it with <c>aria-describedby</c>, so a screen reader reads the error with the field and
/// not only in the summary at the top. The errors are the page model's <see cref="FormErrors"/> (its <c>Errors</c>).
/// </summary>
[HtmlTargetElement("input", Attributes = "id", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "id")]
[HtmlTargetElement("textarea", Attributes = "id")]
public sealed class FieldErrorTagHelper : TagHelper
{
    /// <summary>The view being rendered (set by Razor).</summary>
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var model = ViewContext.ViewData.Model;
        if (model?.GetType().GetProperty("Errors")?.GetValue(model) is not FormErrors { Any: true } errors)
            return;
        var id = output.Attributes["id"]?.Value?.ToString();
        var error = errors.Items.FirstOrDefault(e => e.InputId is not null && string.Equals(e.InputId, id, StringComparison.Ordinal));
        if (error is null)
            return;
        var messageId = id + "-fel";
        output.Attributes.SetAttribute("aria-invalid", "true");
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? messageId : $"{messageId} {described}");
        var message = new TagBuilder("p");
        message.AddCssClass("field-error");
        message.Attributes["id"] = messageId;
        message.InnerHtml.Append(error.Message);
        output.PreElement.AppendHtml(message);
    }
}
