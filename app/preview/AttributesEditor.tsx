// Persona attributes, edited as key/value rows or as JSON. Reports a parse problem instead of
// applying a bad value.
import { useState } from "react";
import {
  type Attributes,
  attributesOf,
  parseAttributesJson,
  type Row,
  rowsOf,
} from "./attributes.ts";

interface AttributesEditorProps {
  value: Attributes;
  onChange(value: Attributes): void;
}

function RowsEditor({ value, onChange }: AttributesEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  const update = (next: Row[]) => {
    setRows(next);
    onChange(attributesOf(next));
  };
  return (
    <div className="kv-rows">
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position.
        <div key={index} className="kv-row">
          <input
            className="input mono"
            aria-label={`Attribute ${index + 1} name`}
            value={row.key}
            onChange={(e) =>
              update(rows.map((r, i) => (i === index ? { ...r, key: e.target.value } : r)))
            }
          />
          <input
            className="input mono"
            aria-label={`Attribute ${index + 1} value`}
            value={row.value}
            onChange={(e) =>
              update(rows.map((r, i) => (i === index ? { ...r, value: e.target.value } : r)))
            }
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove attribute ${row.key || index + 1}`}
            onClick={() => update(rows.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => update([...rows, { key: "", value: "" }])}
      >
        Add attribute
      </button>
    </div>
  );
}

function JsonAttributes({ value, onChange }: AttributesEditorProps) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="kv-json">
      <textarea
        className="input mono"
        aria-label="Attributes as JSON"
        rows={6}
        value={text}
        spellCheck={false}
        aria-invalid={problem !== null}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = parseAttributesJson(event.target.value);
          setProblem(parsed.ok ? null : parsed.message);
          if (parsed.ok) onChange(parsed.value);
        }}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function AttributesEditor(props: AttributesEditorProps) {
  const [mode, setMode] = useState<"rows" | "json">("rows");
  return (
    <div className="attributes-editor">
      <div className="segmented" role="radiogroup" aria-label="Edit attributes as">
        {(["rows", "json"] as const).map((m) => (
          <label key={m} className="segment">
            <input type="radio" name="attr-mode" checked={mode === m} onChange={() => setMode(m)} />
            {m === "rows" ? "Fields" : "JSON"}
          </label>
        ))}
      </div>
      {mode === "rows" ? <RowsEditor {...props} /> : <JsonAttributes {...props} />}
    </div>
  );
}
