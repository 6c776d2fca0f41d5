namespace Readiness.Analyzers.Common;

/// <summary>Splits identifiers and configuration keys into lower-case words: on case changes, digits, <c>_</c>, <c>:</c>, <c>__</c>, <c>-</c> and <c>.</c>.</summary>
internal static class NameWords
{
    public static List<string> Split(string name)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetter(c))
            {
                Flush(name, ref start, i, words);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = name[i - 1];
            var boundary =
                (char.IsUpper(c) && char.IsLower(previous))
                || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
            if (boundary)
            {
                Flush(name, ref start, i, words);
                start = i;
            }
        }

        Flush(name, ref start, name.Length, words);
        return words;
    }

    private static void Flush(string name, ref int start, int end, List<string> words)
    {
        if (start >= 0 && end > start)
        {
            words.Add(name.Substring(start, end - start).ToLowerInvariant());
        }

        start = -1;
    }
}
