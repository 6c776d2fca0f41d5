using System.Text;

namespace Readiness.Analyzers.Secrets;

/// <summary>A string value in a config file: its key (JSON path with <c>:</c>, or the variable name), its value and where the value sits.</summary>
internal readonly struct ConfigEntry
{
    public ConfigEntry(string key, string value, int start, int length)
    {
        Key = key;
        Value = value;
        Start = start;
        Length = length;
    }

    public string Key { get; }
    public string Value { get; }
    public int Start { get; }
    public int Length { get; }
}

/// <summary>Which kind of committed config file a path is, by its file name.</summary>
internal enum ConfigFileKind
{
    None,
    AppSettings,
    DotEnv,
    DotEnvTemplate,
    Compose,
}

/// <summary>
/// Tolerant, allocation-light readers for the committed config files the package adds as AdditionalFiles:
/// <c>appsettings*.json</c> (comments and trailing commas allowed), <c>.env*</c> (<c>KEY=VALUE</c>, <c>export</c>, quotes, comments)
/// and <c>docker-compose*.yml</c>/<c>compose*.yml</c> (<c>environment:</c> maps and lists, <c>command:</c> flags such as
/// <c>--requirepass</c>). They never throw: malformed input ends the scan.
/// </summary>
internal static class ConfigFileScanner
{
    public static ConfigFileKind KindOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigFileKind.AppSettings;
        }

        if (string.Equals(name, ".env", StringComparison.OrdinalIgnoreCase) || name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase))
        {
            var suffix = name.Length > 5 ? name.Substring(5).ToLowerInvariant() : string.Empty;
            return suffix is "example" or "sample" or "template" or "dist" or "defaults" or "tpl"
                ? ConfigFileKind.DotEnvTemplate
                : ConfigFileKind.DotEnv;
        }

        if ((name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("compose", StringComparison.OrdinalIgnoreCase))
            && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
        {
            return ConfigFileKind.Compose;
        }

        return ConfigFileKind.None;
    }

    public static List<ConfigEntry> Read(ConfigFileKind kind, string text)
    {
        var entries = new List<ConfigEntry>();
        switch (kind)
        {
            case ConfigFileKind.AppSettings:
                new JsonReader(text, entries).Run();
                break;
            case ConfigFileKind.DotEnv:
            case ConfigFileKind.DotEnvTemplate:
                ReadLines(text, entries, yaml: false);
                break;
            case ConfigFileKind.Compose:
                ReadLines(text, entries, yaml: true);
                break;
        }

        return entries;
    }

    /// <summary><c>KEY=VALUE</c> lines (.env, compose list entries) and <c>KEY: VALUE</c> lines (compose maps).</summary>
    private static void ReadLines(string text, List<ConfigEntry> entries, bool yaml)
    {
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            ReadLine(text, lineStart, lineEnd, entries, yaml);
            lineStart = lineEnd + 1;
        }
    }

    private static void ReadLine(string text, int start, int end, List<ConfigEntry> entries, bool yaml)
    {
        var i = start;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (i >= end || text[i] == '#')
        {
            return;
        }

        if (yaml && text[i] == '-')
        {
            i++;
            while (i < end && text[i] == ' ')
            {
                i++;
            }

            if (i < end && (text[i] == '"' || text[i] == '\''))
            {
                i++; // - "KEY=value"
            }
        }
        else if (!yaml && end - i > 7 && string.CompareOrdinal(text, i, "export ", 0, 7) == 0)
        {
            i += 7;
        }

        var keyStart = i;
        while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
        {
            i++;
        }

        var keyEnd = i;
        if (keyEnd == keyStart || i >= end)
        {
            if (yaml)
            {
                ReadCommandFlags(text, start, end, entries);
            }

            return;
        }

        if (text[i] == '"' || text[i] == '\'')
        {
            i++; // "KEY": value
        }

        while (i < end && text[i] == ' ')
        {
            i++;
        }

        if (i >= end || !(text[i] == '=' || (yaml && text[i] == ':')))
        {
            if (yaml)
            {
                ReadCommandFlags(text, start, end, entries);
            }

            return;
        }

        i++;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        var valueEnd = end;
        while (valueEnd > i && char.IsWhiteSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        if (valueEnd > i && (text[i] == '"' || text[i] == '\''))
        {
            var quote = text[i];
            var close = text.IndexOf(quote, i + 1);
            if (close > i && close < valueEnd)
            {
                i++;
                valueEnd = close;
            }
        }
        else
        {
            // Unquoted: a trailing " # comment" is not part of the value; a closing list quote is not either.
            var comment = text.IndexOf(" #", i, valueEnd - i, StringComparison.Ordinal);
            if (comment > 0)
            {
                valueEnd = comment;
            }

            if (valueEnd > i && (text[valueEnd - 1] == '"' || text[valueEnd - 1] == '\''))
            {
                valueEnd--;
            }
        }

        if (valueEnd > i)
        {
            entries.Add(new ConfigEntry(text.Substring(keyStart, keyEnd - keyStart), text.Substring(i, valueEnd - i), i, valueEnd - i));
        }

        if (yaml && string.CompareOrdinal(text, keyStart, "command", 0, 7) == 0)
        {
            ReadCommandFlags(text, start, end, entries);
        }
    }

    private static readonly string[] PasswordFlags = { "--requirepass", "--password", "--masterauth", "-p" };

    /// <summary><c>command: redis-server --requirepass s3cret</c>, <c>- --password=s3cret</c>.</summary>
    private static void ReadCommandFlags(string text, int start, int end, List<ConfigEntry> entries)
    {
        foreach (var flag in PasswordFlags)
        {
            if (flag == "-p")
            {
                continue; // too ambiguous (ports, paths)
            }

            var at = text.IndexOf(flag, start, end - start, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var i = at + flag.Length;
            if (i < end && (text[i] == '=' || text[i] == ' '))
            {
                i++;
            }
            else
            {
                continue;
            }

            while (i < end && (text[i] == ' ' || text[i] == '"' || text[i] == '\''))
            {
                i++;
            }

            var valueStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]) && text[i] is not '"' and not '\'' and not ']' and not ',')
            {
                i++;
            }

            if (i > valueStart)
            {
                entries.Add(new ConfigEntry(flag.TrimStart('-') + "_password", text.Substring(valueStart, i - valueStart), valueStart, i - valueStart));
            }
        }
    }

    /// <summary>A forgiving JSON reader that yields every string value with its <c>:</c>-separated key path.</summary>
    private sealed class JsonReader
    {
        private readonly string _text;
        private readonly List<ConfigEntry> _entries;
        private int _pos;

        public JsonReader(string text, List<ConfigEntry> entries)
        {
            _text = text;
            _entries = entries;
        }

        public void Run()
        {
            SkipTrivia();
            ReadValue(string.Empty, 0);
        }

        private bool ReadValue(string path, int depth)
        {
            if (depth > 64 || _pos >= _text.Length)
            {
                return false;
            }

            switch (_text[_pos])
            {
                case '{':
                    return ReadObject(path, depth);
                case '[':
                    return ReadArray(path, depth);
                case '"':
                    var start = _pos + 1;
                    if (!ReadString(out var value))
                    {
                        return false;
                    }

                    if (path.Length > 0)
                    {
                        _entries.Add(new ConfigEntry(path, value, start, _pos - 1 - start));
                    }

                    return true;
                default:
                    // number, true, false, null
                    var begin = _pos;
                    while (_pos < _text.Length && _text[_pos] is not ',' and not '}' and not ']' and not '\n' and not '/')
                    {
                        _pos++;
                    }

                    return _pos > begin;
            }
        }

        private bool ReadObject(string path, int depth)
        {
            _pos++;
            while (true)
            {
                SkipTrivia();
                if (_pos >= _text.Length)
                {
                    return false;
                }

                if (_text[_pos] == '}')
                {
                    _pos++;
                    return true;
                }

                if (_text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_text[_pos] != '"' || !ReadString(out var key))
                {
                    return false;
                }

                SkipTrivia();
                if (_pos >= _text.Length || _text[_pos] != ':')
                {
                    return false;
                }

                _pos++;
                SkipTrivia();
                if (!ReadValue(path.Length == 0 ? key : path + ":" + key, depth + 1))
                {
                    return false;
                }
            }
        }

        private bool ReadArray(string path, int depth)
        {
            _pos++;
            var index = 0;
            while (true)
            {
                SkipTrivia();
                if (_pos >= _text.Length)
                {
                    return false;
                }

                if (_text[_pos] == ']')
                {
                    _pos++;
                    return true;
                }

                if (_text[_pos] == ',')
                {
                    _pos++;
                    index++;
                    continue;
                }

                if (!ReadValue(path + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), depth + 1))
                {
                    return false;
                }
            }
        }

        private bool ReadString(out string value)
        {
            value = string.Empty;
            _pos++;
            StringBuilder? builder = null;
            var start = _pos;
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '"')
                {
                    value = builder is null ? _text.Substring(start, _pos - start) : builder.ToString();
                    _pos++;
                    return true;
                }

                if (c == '\n')
                {
                    return false;
                }

                if (c == '\\' && _pos + 1 < _text.Length)
                {
                    builder ??= new StringBuilder(_text, start, _pos - start, 64);
                    var e = _text[_pos + 1];
                    _pos += 2;
                    switch (e)
                    {
                        case 'n': builder.Append('\n'); break;
                        case 't': builder.Append('\t'); break;
                        case 'r': builder.Append('\r'); break;
                        case 'u' when _pos + 4 <= _text.Length
                            && int.TryParse(_text.Substring(_pos, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code):
                            builder.Append((char)code);
                            _pos += 4;
                            break;
                        default: builder.Append(e); break;
                    }

                    continue;
                }

                builder?.Append(c);
                _pos++;
            }

            return false;
        }

        private void SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    var end = _text.IndexOf('\n', _pos);
                    _pos = end < 0 ? _text.Length : end + 1;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    _pos = end < 0 ? _text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
