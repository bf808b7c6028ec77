using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace ScRepro.Cards.Hub;

/// <summary>
/// Quotes the strings YamlDotNet would write so that some reader gets another string or another type back:
/// <list type="bullet">
/// <item>a line break or control character: double-quoted, every such character an escape. YamlDotNet would pick a
/// folded block, which turns "\r\n" and U+0085 into plain line breaks (measured: "cr\r\nlf" read back as "cr\nlf").</item>
/// <item>what YAML 1.1 types as a non-string (yes/no/on/off/y/n, 1_000, 12:30:00, 2026-01-01, &lt;&lt;, =): single-quoted.
/// YamlDotNet's <c>WithQuotingNecessaryStrings</c> only knows YAML 1.2's core schema, but huggingface_hub reads card
/// metadata with PyYAML (YAML 1.1): measured, PyYAML 6.0 read an unquoted `yes` as True and `2026-01-01` as a date.</item>
/// </list>
/// </summary>
internal sealed partial class EscapingEventEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Value is string s)
        {
            if (s.Any(NeedsEscape)) eventInfo.Style = ScalarStyle.DoubleQuoted;
            else if (Yaml11NonString().IsMatch(s) && eventInfo.Style is ScalarStyle.Any or ScalarStyle.Plain) eventInfo.Style = ScalarStyle.SingleQuoted;
        }
        base.Emit(eventInfo, emitter);
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\ufeff';

    /// <summary>
    /// Conservative: YAML 1.1 bool and null words in any case, anything starting like a number, a sexagesimal or a
    /// timestamp (a digit, a sign or a dot), and the merge and value keys.
    /// </summary>
    [GeneratedRegex(@"^((?i:y|n|yes|no|on|off|true|false|null|~)|[-+.]?[0-9].*|<<|=)$", RegexOptions.Singleline)]
    private static partial Regex Yaml11NonString();
}
