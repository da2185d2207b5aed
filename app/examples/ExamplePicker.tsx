// The top bar's example chooser: valid examples, then the invalid ones (for trying the report).
import type { Example } from "./catalog.ts";

interface ExamplePickerProps {
  examples: readonly Example[];
  selectedId: string;
  isEdited(example: Example): boolean;
  onSelect(id: string): void;
}

function optionLabel(example: Example, edited: boolean): string {
  return edited ? `${example.label} (edited)` : example.label;
}

export function ExamplePicker({ examples, selectedId, isEdited, onSelect }: ExamplePickerProps) {
  const valid = examples.filter((example) => example.group === "valid");
  const invalid = examples.filter((example) => example.group === "invalid");
  const options = (list: readonly Example[]) =>
    list.map((example) => (
      <option key={example.id} value={example.id}>
        {optionLabel(example, isEdited(example))}
      </option>
    ));
  return (
    <label className="picker">
      <span className="picker-label">Example</span>
      <select
        className="picker-select"
        value={selectedId}
        onChange={(event) => onSelect(event.target.value)}
      >
        {invalid.length > 0 ? (
          <optgroup label="Examples">{options(valid)}</optgroup>
        ) : (
          options(valid)
        )}
        {invalid.length > 0 && <optgroup label="Invalid examples">{options(invalid)}</optgroup>}
      </select>
    </label>
  );
}
