interface KeyboardHintsProps {
  canAssign: boolean;
  canCreate: boolean;
  /** The call-taker's board has no queue to move through. */
  hasQueue: boolean;
  /** A crew is overdue acknowledging: R replaces it. */
  canReplace?: boolean;
  /** [LC1]–[LC8] The board offers lifecycle steps on the selected incident. */
  hasLifecycle?: boolean;
  /** [IQ2] An Echo alert stands: E acknowledges it. */
  canAcknowledgeAlert?: boolean;
}

/** The keys, always on screen. */
export function KeyboardHints({ canAssign, canCreate, hasQueue, canReplace = false, hasLifecycle = false, canAcknowledgeAlert = false }: KeyboardHintsProps) {
  return (
    <div className="key-hints" data-testid="keyboard-hints">
      {hasQueue && <span><kbd>↑</kbd><kbd>↓</kbd>/<kbd>k</kbd><kbd>j</kbd> move</span>}
      {canAssign && <span><kbd>Enter</kbd>/<kbd>A</kbd> assign recommended</span>}
      {canAssign && <span><kbd>1</kbd>–<kbd>9</kbd> pick unit (<kbd>Tab</kbd> <kbd>Space</kbd> for any)</span>}
      {canAssign && <span><kbd>D</kbd> divert offered unit</span>}
      {canAcknowledgeAlert && <span><kbd>E</kbd> acknowledge Echo alert</span>}
      {canReplace && <span><kbd>R</kbd> replace silent unit</span>}
      {hasLifecycle && <span><kbd>C</kbd> close · <kbd>X</kbd> cancel · <kbd>T</kbd> type/priority · <kbd>M</kbd> more units</span>}
      {canCreate && <span><kbd>N</kbd> new call</span>}
      {canCreate && <span><kbd>Ctrl</kbd>+<kbd>Enter</kbd> create</span>}
      {canCreate && <span><kbd>Ctrl</kbd>+<kbd>L</kbd> link to duplicate</span>}
      {canCreate && <span><kbd>Ctrl</kbd>+<kbd>D</kbd> close call, no incident</span>}
      <span><kbd>/</kbd> find reference</span>
      <span><kbd>Esc</kbd> clear</span>
    </div>
  );
}
