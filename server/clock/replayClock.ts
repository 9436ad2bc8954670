/** A job that runs each time the replayed time passes another `everyMs`. */
interface ClockJob {
  everyMs: number;
  dueAt: number;
  run(): Promise<void>;
  onError(error: unknown): void;
}

/**
 * [RL1] The clock of a replay server (`CLOCK=replay`): it stands still until the replay moves it, and only forward.
 * The jobs that would run on timers (the vehicle simulator, the AVL heartbeat) run on it instead, each time the
 * replayed time passes their period, so a fortnight replays in minutes with crews answering at their own pace in
 * replayed time.
 */
export class ReplayClock {
  private at: number;
  private readonly jobs: ClockJob[] = [];
  private advancing: Promise<unknown> = Promise.resolve();

  constructor(startAt: number) {
    this.at = startAt;
  }

  readonly now = (): number => this.at;

  /** Runs `run` every `everyMs` of replayed time (a failure goes to `onError`, and the clock goes on); returns a function that stops it. */
  every(everyMs: number, run: () => Promise<void>, onError: (error: unknown) => void): () => void {
    const job: ClockJob = { everyMs, dueAt: this.at + everyMs, run, onError };
    this.jobs.push(job);
    return () => {
      const index = this.jobs.indexOf(job);
      if (index !== -1) this.jobs.splice(index, 1);
    };
  }

  /**
   * Moves the clock forward to `at`, stopping at each job's due time on the way to run it (the time a job sees
   * is its due time). Calls are served one at a time, in order. A time before the clock's is refused (false).
   */
  advanceTo(at: number): Promise<boolean> {
    const next = this.advancing.then(() => this.walk(at));
    this.advancing = next.catch(() => undefined);
    return next;
  }

  private async walk(at: number): Promise<boolean> {
    if (at < this.at) return false;
    for (;;) {
      const due = this.jobs.reduce<ClockJob | null>((first, job) => (job.dueAt <= at && (!first || job.dueAt < first.dueAt) ? job : first), null);
      if (!due) break;
      this.at = Math.max(this.at, due.dueAt);
      due.dueAt += due.everyMs;
      try {
        await due.run();
      } catch (error) {
        due.onError(error);
      }
    }
    this.at = at;
    return true;
  }
}
