using Readiness.Analyzers.Secrets;
using Xunit;

namespace Readiness.Analyzers.Tests.Secrets;

/// <summary>
/// The text shapes RDY1002 uses to leave a positional literal unbound: message-template holes and media types. A
/// password that happens to contain braces or a slash must not look like either.
/// </summary>
public class MessageShapeTests
{
    [Theory]
    [InlineData("Fetching order {Id}")]
    [InlineData("{Count} items on page {Page}")]
    [InlineData("Took {Elapsed:N0} ms")]
    [InlineData("Order {0} saved")]
    [InlineData("Processing {@Order}")]
    [InlineData("{Id,8} done")]
    public void Message_templates_have_a_hole(string text) => Assert.True(SecretText.HasTemplateHole(text));

    [Theory]
    [InlineData("P@ss{w0rd")]
    [InlineData("{}abc123")]
    [InlineData("x{ }y")]
    [InlineData("k7Qp2Zr9Lm4Xw8Tb")]
    [InlineData("ends-with-brace{")]
    [InlineData("{!Secret}")]
    public void Passwords_with_braces_are_not_templates(string text) => Assert.False(SecretText.HasTemplateHole(text));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    [InlineData("image/svg+xml")]
    [InlineData("application/vnd.api+json")]
    public void Media_types_are_recognised(string text) => Assert.True(SecretText.IsMediaType(text));

    [Theory]
    [InlineData("text/")]
    [InlineData("/plain")]
    [InlineData("Text/Plain")]
    [InlineData("secret/Pa55word!")]
    [InlineData("application/json/extra")]
    [InlineData("user:pa55/word")]
    public void Other_slashed_text_is_not_a_media_type(string text) => Assert.False(SecretText.IsMediaType(text));
}
