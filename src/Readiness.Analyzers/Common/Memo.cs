using System.Runtime.CompilerServices;

namespace Readiness.Analyzers.Common;

/// <summary>
/// The one shape of every cache in the package: a value computed at most once per key (a <c>SyntaxTree</c>, a
/// <c>Compilation</c>, a <c>ProjectScope</c>) and kept exactly as long as the key lives — weakly keyed, so a cache never
/// outlives what it describes. A computation that is cancelled throws and leaves nothing behind: the next caller
/// computes again. Per-file facts keyed by the tree survive an edit, which shares every unchanged tree with the new
/// compilation (see src/docs/architecture.md).
/// </summary>
internal sealed class Memo<TKey, TValue>
    where TKey : class
{
    private readonly ConditionalWeakTable<TKey, Slot> _slots = new();
    private readonly Func<TKey, CancellationToken, TValue> _compute;

    public Memo(Func<TKey, CancellationToken, TValue> compute)
    {
        _compute = compute;
    }

    /// <summary>The value for <paramref name="key"/>: computed by the first caller, the others wait for it.</summary>
    public TValue Get(TKey key, CancellationToken cancellationToken)
        => _slots.GetValue(key, static _ => new Slot()).Get(key, _compute, cancellationToken);

    /// <summary>Whether the value for <paramref name="key"/> has been computed.</summary>
    public bool IsComputed(TKey key) => _slots.TryGetValue(key, out var slot) && slot.IsComputed;

    private sealed class Slot
    {
        private readonly object _gate = new();
        private StrongBox<TValue>? _value;

        public bool IsComputed => Volatile.Read(ref _value) is not null;

        public TValue Get(TKey key, Func<TKey, CancellationToken, TValue> compute, CancellationToken cancellationToken)
        {
            var value = Volatile.Read(ref _value);
            if (value is not null)
            {
                return value.Value;
            }

            lock (_gate)
            {
                value = _value;
                if (value is null)
                {
                    value = new StrongBox<TValue>(compute(key, cancellationToken));
                    Volatile.Write(ref _value, value);
                }

                return value.Value;
            }
        }
    }
}
