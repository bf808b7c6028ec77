using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ScRepro.Cards.Hub;

/// <summary>
/// A number the serializer must write as this exact plain scalar (shortest round-trip text), rather than in
/// YamlDotNet's own double format: the value in the front matter is then the same text as in summary.json.
/// </summary>
internal sealed record PlainNumber(string Text) : IYamlConvertible
{
    public void Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer) =>
        throw new NotSupportedException("front matter is read with FrontMatter.Read");

    public void Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, Text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
}
