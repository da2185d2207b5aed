// Placeholder until the Paths and Races panels land (issue 5).
export function ExplorerPanel(_props: { onShowCanvas(): void }) {
  return null;
}
