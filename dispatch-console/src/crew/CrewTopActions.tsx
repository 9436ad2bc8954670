interface CrewTopActionsProps {
  displayName: string;
  isLight: boolean;
  onToggleTheme: () => void;
  onSignOut: () => void;
}

/** The right end of a crew screen's top bar: the sunlight theme switch and Sign out. */
export function CrewTopActions({ displayName, isLight, onToggleTheme, onSignOut }: CrewTopActionsProps) {
  return (
    <>
      <span className="spacer" />
      <button type="button" className="crew-icon" data-testid="crew-theme" onClick={onToggleTheme} aria-label={isLight ? 'Dark screen' : 'Bright screen for sunlight'}>
        {isLight ? 'Dark' : 'Sun'}
      </button>
      <button type="button" className="crew-icon" data-testid="sign-out" onClick={onSignOut} aria-label={`Sign out ${displayName}`}>
        Sign out
      </button>
    </>
  );
}
