let context: AudioContext | null = null;

/** Unlocks audio on the first user gesture, since browsers start audio suspended. */
export function primeAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    context = null;
  }
}

/**
 * [IQ3] Unlocks audio at the first key or click on the page: a board reloaded with its session still valid has had
 * no sign-in gesture, and its standing alert must still sound. Answers a function that stops listening.
 */
export function primeAudioOnFirstGesture(target: Window): () => void {
  const stop = () => {
    target.removeEventListener('pointerdown', unlock, true);
    target.removeEventListener('keydown', unlock, true);
  };
  function unlock() {
    primeAudio();
    stop();
  }
  target.addEventListener('pointerdown', unlock, true);
  target.addEventListener('keydown', unlock, true);
  return stop;
}

/** Three short two-tone beeps, synthesised: no audio file. */
export function playAlertBeep(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume();
    const start = ctx.currentTime + 0.02;
    for (let i = 0; i < 3; i += 1) {
      const t = start + i * 0.32;
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'square';
      oscillator.frequency.setValueAtTime(i % 2 === 0 ? 960 : 720, t);
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.18, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.24);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(t);
      oscillator.stop(t + 0.26);
    }
  } catch {
    // No audio device: the visual banner still shows.
  }
}
