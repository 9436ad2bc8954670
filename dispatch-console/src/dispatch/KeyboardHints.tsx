/** The keys, always on screen. */
export function KeyboardHints({ canAssign, canCreate }: { canAssign: boolean; canCreate: boolean }) {
  return (
    <div className="key-hints" data-testid="keyboard-hints">
      <span><kbd>↑</kbd><kbd>↓</kbd>/<kbd>k</kbd><kbd>j</kbd> move</span>
      {canAssign && <span><kbd>Enter</kbd>/<kbd>A</kbd> assign recommended</span>}
      {canAssign && <span><kbd>1</kbd>–<kbd>9</kbd> pick unit</span>}
      {canCreate && <span><kbd>N</kbd> new call</span>}
      <span><kbd>Esc</kbd> clear</span>
    </div>
  );
}
