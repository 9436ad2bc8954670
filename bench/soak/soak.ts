import { resolve } from 'node:path';
import { goalsTable } from '../report.ts';
import { runSoak } from './runSoak.ts';
import { soakCommandTable, soakFacts, soakGoals, writeSoakDocs } from './soakReport.ts';

/**
 * `npm run soak`: SOAK_MINUTES (default 30) of city load on the server; writes docs/soak.md and docs/soak.json, or
 * SOAK_OUT_DIR's. Not part of CI or `npm run bench`.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw ?? ''}: a positive number`);
  return value;
};

async function main(): Promise<void> {
  const minutes = num('SOAK_MINUTES', 30);
  const outDir = resolve(ROOT, process.env.SOAK_OUT_DIR ?? 'docs');
  const result = await runSoak(
    {
      minutes,
      sampleMs: num('SOAK_SAMPLE_SECONDS', 10) * 1000,
      load: { callTakers: num('SOAK_CALL_TAKERS', 3), incidentEveryMs: num('SOAK_INCIDENT_EVERY_SECONDS', 2) * 1000, crews: num('SOAK_CREWS', 180), positionEveryMs: num('SOAK_POSITION_EVERY_SECONDS', 5) * 1000, seed: 2025 },
    },
    (line) => console.log(line),
  );
  console.log(`\n${soakFacts(result)}\n\n${soakCommandTable(result)}\n\nGoals\n${goalsTable(soakGoals(result))}\n`);
  writeSoakDocs(result, `SOAK_MINUTES=${minutes} npm run soak`, resolve(outDir, 'soak.md'), resolve(outDir, 'soak.json'));
  console.log(`Wrote ${outDir}/soak.md and soak.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
