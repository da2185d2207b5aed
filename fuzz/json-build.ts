// JSON values with raw text spliced in: what JSON.stringify cannot write (1e400, -0, a
// 20-digit integer, 100,000 levels of nesting without recursion) goes in as a `Raw` node.

export class Raw {
  constructor(readonly text: string) {}
}

/** `value` as JSON text; `Raw` nodes are written as their text. */
export function serialize(value: unknown, pretty: boolean): string {
  const raws: string[] = [];
  const marker = `@@raw${Math.floor(Math.random() * 1e9)}@@`;
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v instanceof Raw) {
        raws.push(v.text);
        return `${marker}${raws.length - 1}`;
      }
      return v;
    },
    pretty ? 2 : undefined,
  );
  if (raws.length === 0) return text;
  const quoted = new RegExp(`"${marker}(\\d+)"`, "g");
  return text.replace(quoted, (_m, n: string) => raws[Number(n)]);
}

export type NestingShape = "array" | "object" | "mixed";

/** `depth` levels of nesting around `inner`, built without recursion. */
export function nested(depth: number, shape: NestingShape, inner = "1"): string {
  switch (shape) {
    case "array":
      return `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;
    case "object":
      return `${'{"a":'.repeat(depth)}${inner}${"}".repeat(depth)}`;
    case "mixed": {
      const half = Math.ceil(depth / 2);
      return `${'[{"a":'.repeat(half)}${inner}${"}]".repeat(half)}`;
    }
  }
}

/** Sets an own property, even `__proto__` (plain assignment would change the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A deep copy that keeps `Raw` nodes and own `__proto__` keys. Iterative. */
export function clone<T>(value: T): T {
  const root = shallow(value);
  const stack: [unknown, unknown][] = [[value, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [unknown, unknown];
    if (from === null || typeof from !== "object" || from instanceof Raw) continue;
    const target = to as Record<string, unknown>;
    for (const key of Object.keys(from)) {
      const child = (from as Record<string, unknown>)[key];
      const copy = shallow(child);
      setOwn(target, key, copy);
      stack.push([child, copy]);
    }
  }
  return root as T;
}

function shallow(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Raw) return value;
  return Array.isArray(value) ? [] : {};
}
