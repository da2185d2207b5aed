// A survey condition's test: the operators the step's kind takes (SPEC §1: nps and scale
// compare numbers, choices name answers, text is filled or contains), and the operator's value.
import { operatorsByKind } from "../../machines/validate/index.ts";
import { CheckField, NumberField, SelectField, TextField } from "./fields.tsx";

interface ConditionTestFieldsProps {
  test: unknown;
  stepKind: string;
  /** The step's answers (choice steps). */
  options: readonly string[];
  /** The step's answer range (nps, scale). */
  range: { min: number; max: number };
  onSet(test: Record<string, unknown>): void;
}

const operatorLabels: Record<string, string> = {
  between: "is between",
  equals: "equals",
  lt: "is less than",
  gt: "is greater than",
  anyOf: "is any of",
  noneOf: "is none of",
  allOf: "includes all of",
  filled: "is filled",
  contains: "contains",
};

/** A starting value when the operator changes. */
function defaultTest(
  operator: string,
  options: readonly string[],
  range: { min: number; max: number },
) {
  switch (operator) {
    case "between":
      return { between: [range.min, range.max] };
    case "equals":
    case "lt":
    case "gt":
      return { [operator]: range.min };
    case "anyOf":
    case "noneOf":
    case "allOf":
      return { [operator]: options.slice(0, 1) };
    case "filled":
      return { filled: true };
    default:
      return { [operator]: "" };
  }
}

export function ConditionTestFields({
  test,
  stepKind,
  options,
  range,
  onSet,
}: ConditionTestFieldsProps) {
  const record = test !== null && typeof test === "object" ? (test as Record<string, unknown>) : {};
  const operator = Object.keys(record)[0] ?? "";
  const value = record[operator];
  const operators = Object.hasOwn(operatorsByKind, stepKind)
    ? (operatorsByKind[stepKind as keyof typeof operatorsByKind] ?? [])
    : [];
  return (
    <div className="af-test">
      <SelectField
        label="The answer"
        value={operator}
        choices={operators.map((op) => ({ value: op, label: operatorLabels[op] ?? op }))}
        onChange={(next) => onSet(defaultTest(next, options, range))}
      />
      {operator === "between" && Array.isArray(value) && (
        <>
          <NumberField
            label="From"
            value={typeof value[0] === "number" ? value[0] : undefined}
            onCommit={(from) => onSet({ between: [from ?? range.min, value[1]] })}
          />
          <NumberField
            label="To"
            value={typeof value[1] === "number" ? value[1] : undefined}
            onCommit={(to) => onSet({ between: [value[0], to ?? range.max] })}
          />
        </>
      )}
      {(operator === "equals" || operator === "lt" || operator === "gt") && (
        <NumberField
          label="Value"
          value={typeof value === "number" ? value : undefined}
          onCommit={(number) => onSet({ [operator]: number ?? range.min })}
        />
      )}
      {(operator === "anyOf" || operator === "noneOf" || operator === "allOf") && (
        <AnswerChecks
          picked={
            Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []
          }
          options={options}
          onChange={(picked) => onSet({ [operator]: picked })}
        />
      )}
      {operator === "filled" && (
        <SelectField
          label="Filled"
          value={String(value === true)}
          choices={[
            { value: "true", label: "filled" },
            { value: "false", label: "left empty" },
          ]}
          onChange={(filled) => onSet({ filled: filled === "true" })}
        />
      )}
      {operator === "contains" && (
        <TextField
          label="Text"
          value={typeof value === "string" ? value : ""}
          onCommit={(contains) => onSet({ contains })}
        />
      )}
    </div>
  );
}

function AnswerChecks({
  picked,
  options,
  onChange,
}: {
  picked: readonly string[];
  options: readonly string[];
  onChange(picked: string[]): void;
}) {
  // Answers the condition names that the question no longer has stay visible, to be unticked.
  const all = [...options, ...picked.filter((answer) => !options.includes(answer))];
  return (
    <fieldset className="af-checks">
      <legend className="af-label">Answers</legend>
      {all.map((answer) => (
        <CheckField
          key={answer}
          label={answer}
          checked={picked.includes(answer)}
          onChange={(on) =>
            onChange(
              on
                ? all.filter((a) => a === answer || picked.includes(a))
                : picked.filter((a) => a !== answer),
            )
          }
        />
      ))}
    </fieldset>
  );
}
