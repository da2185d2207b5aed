// The icon of a flow's end (completed, dismissed, snoozed) as inline SVG (issue 12: "⏾", the
// snooze glyph, is missing from common fonts and drew an empty box). Drawn with currentColor,
// so it takes the text's colour; labelled for screen readers unless `decorative` (when the
// words beside it already say the end).
const ends = ["completed", "dismissed", "snoozed"] as const;

export type EndKind = (typeof ends)[number];

export function isEnd(value: string): value is EndKind {
  return (ends as readonly string[]).includes(value);
}

const labels: Record<EndKind, string> = {
  completed: "Completed",
  dismissed: "Dismissed",
  snoozed: "Snoozed",
};

/** Path data on a 16×16 box: a check, a cross, a crescent moon. */
const paths: Record<EndKind, string> = {
  completed: "M3 8.5l3 3 7-7",
  dismissed: "M4 4l8 8M12 4l-8 8",
  snoozed: "M14 8.53A6 6 0 1 1 7.47 2 4.67 4.67 0 0 0 14 8.53z",
};

interface EndIconProps {
  end: EndKind;
  /** The words beside the icon say the end already: hide it from screen readers. */
  decorative?: boolean;
  className?: string;
}

export function EndIcon({ end, decorative = false, className }: EndIconProps) {
  const filled = end === "snoozed";
  return (
    <svg
      className={className ?? "end-icon"}
      data-end={end}
      width="1em"
      height="1em"
      viewBox="0 0 16 16"
      focusable="false"
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : labels[end]}
      aria-hidden={decorative || undefined}
    >
      {!decorative && <title>{labels[end]}</title>}
      <path
        d={paths[end]}
        fill={filled ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth={filled ? 1 : 2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
