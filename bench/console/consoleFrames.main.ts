import { benchConsoleFrames, type ConsoleFramesOptions } from './consoleFrames.bench.ts';
import { CONSOLE_FRAMES_FULL, CONSOLE_FRAMES_QUICK } from './consoleFramesOptions.ts';
import { consoleFramesFacts, consoleFramesGoals, consoleFramesTable } from './consoleFramesReport.ts';
import { goalsTable } from '../report.ts';

/**
 * `tsx bench/console/consoleFrames.main.ts`: this benchmark alone, printed (the docs are not written).
 * BENCH_QUICK=1 for the smoke run; CONSOLE_PROFILE=seconds adds a CPU profile; CONSOLE_SCREENSHOT=path a screenshot;
 * CONSOLE_UNITS, CONSOLE_SECONDS override the units and the timed seconds.
 */
async function main(): Promise<void> {
  const base = process.env.BENCH_QUICK === '1' ? CONSOLE_FRAMES_QUICK : CONSOLE_FRAMES_FULL;
  const options: ConsoleFramesOptions = {
    ...base,
    units: Number(process.env.CONSOLE_UNITS ?? base.units),
    durationSeconds: Number(process.env.CONSOLE_SECONDS ?? base.durationSeconds),
    profileSeconds: Number(process.env.CONSOLE_PROFILE ?? base.profileSeconds),
    screenshotPath: process.env.CONSOLE_SCREENSHOT ?? base.screenshotPath,
  };
  const result = await benchConsoleFrames(options, (line) => console.log(line));
  console.log(`${consoleFramesTable(result)}\n\n${consoleFramesFacts(result)}\n\n${goalsTable(consoleFramesGoals(result))}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
