// "line 12:9": a link that moves the editor's caret to that place instead of navigating.
export type RevealPosition = (line: number, column: number) => void;

interface PositionLinkProps {
  line: number;
  column: number;
  onReveal: RevealPosition;
}

export function PositionLink({ line, column, onReveal }: PositionLinkProps) {
  return (
    <a
      className="position-link"
      href={`#L${line}`}
      title={`Go to line ${line}, column ${column} in the editor`}
      onClick={(event) => {
        event.preventDefault();
        onReveal(line, column);
      }}
    >
      line {line}:{column}
    </a>
  );
}
