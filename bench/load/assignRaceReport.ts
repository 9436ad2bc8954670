import { availableParallelism } from 'node:os';
import type { AssignRaceResult } from '../assignRace.bench.ts';
import type { GoalCheck } from '../goals.ts';
import { f1, int } from '../markdown.ts';


/** The race's figures, one row each. */
export function assignRaceTable(result: AssignRaceResult): string {
  const { race, check } = result;
  return [
    '| figure | value |',
    '|---|---:|',
    `| assigns answered per second (ok or refused) | ${int(result.assignsPerSecond)} |`,
    `| answers: ok / unit_not_available / other | ${int(race.outcomes.ok ?? 0)} / ${int(race.outcomes.unit_not_available ?? 0)} / ${int(race.answered - (race.outcomes.ok ?? 0) - (race.outcomes.unit_not_available ?? 0))} |`,
    `| ack p50 / p99 / max (ms) | ${f1(race.ack.p50)} / ${f1(race.ack.p99)} / ${f1(race.ack.max)} |`,
    `| units won / won twice | ${int(check.unitsWon)} / ${int(check.unitsWonTwice)} |`,
    `| units on several incidents | ${int(check.unitsOnSeveralIncidents)} |`,
    `| ok answers missing from the unit record / the incident | ${int(check.okNotInUnitRecord)} / ${int(check.okNotInIncident)} |`,
    `| units committed without an ok answer | ${int(check.committedWithoutOk)} |`,
    `| journal \`dispatch:assigned\` entries / ok answers | ${int(check.journalAssigned)} / ${int(result.okAnswers)} |`,
    `| CPU during the race, ms of one core over ${f1(race.elapsedMs / 1000)} s (${availableParallelism()} cores: ${int(race.elapsedMs * availableParallelism())}): server / Redis / load generator | ${int(result.serverCpuMs)} / ${int(result.redisCpuMs)} / ${int(result.generatorCpuMs)} |`,
  ].join('\n');
}

export function assignRaceFacts(result: AssignRaceResult): string {
  const { options } = result;
  return `${options.dispatchers} dispatcher consoles (combined desk; real socket.io-client connections in a load-generator process) race for each of ${int(options.units)} synthetic available units in the same order, each assigning it to one of its own ${options.incidentsPerDispatcher} incidents (${int(result.incidentsCreated)} created first), ${options.inFlightPerSocket} assigns outstanding per console, for at most ${options.durationSeconds} s, against a server in its own process on its own Redis (AOF, appendfsync always). Afterwards the store is read: unit records, incident documents and the journal.`;
}

export function assignRaceGoals(result: AssignRaceResult): GoalCheck[] {
  const { check } = result;
  return [
    { goal: 'conflicting assignments: ≥ 2,000 assigns/s (ok or refused)', measured: `${int(result.assignsPerSecond)}/s`, met: result.assignsPerSecond >= 2_000 },
    {
      goal: 'conflicting assignments: no double booking; each ok assign exactly one commitment',
      measured: `${int(check.unitsWonTwice)} units won twice, ${int(check.unitsOnSeveralIncidents)} on several incidents, ${int(check.okNotInUnitRecord + check.okNotInIncident)} ok answers not in the store, ${int(check.committedWithoutOk)} commitments without an ok, journal ${int(check.journalAssigned)} / ${int(result.okAnswers)}`,
      met: check.isConsistent,
    },
  ];
}
