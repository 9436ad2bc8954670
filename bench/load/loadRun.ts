import { performance } from 'node:perf_hooks';
import { seededRandom } from '../random.ts';
import { summarize } from '../stats.ts';
import { eventOf, plannedCommand } from './loadPayloads.ts';
import type { RunSpec, RunSummary } from './loadProtocol.ts';
import { groupOf, rawEmit, type GroupMember } from './loadSockets.ts';

/**
 * Never less than a timer's millisecond: at 1,000 commands/s and more the next send is due in under 1 ms, and yielding
 * with `setImmediate` there spun a whole core, which on a small machine is taken from the server under test. A paced
 * run wakes at most once a millisecond and sends everything due by then.
 */
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, Math.max(1, ms)));

/** The counters and samples of one run. */
class RunRecord {
  sent = 0;
  skipped = 0;
  answered = 0;
  outcomes: Record<string, number> = {};
  ack: number[] = [];
  ackFromSchedule: number[] = [];
  okKeys: string[] = [];
  fixesStored = 0;
  maxScheduleLagMs = 0;
  firstSendAt = Number.NaN;
  lastAnswerAt = Number.NaN;

  count(outcome: string): void {
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
  }
}

function okKeyOf(data: unknown): string | null {
  if (typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string') return data.id;
  return null;
}

/** The fixes an ok answer stored: a batch's `stored`, or one accepted fix. */
function fixesStoredBy(data: unknown): number {
  if (typeof data !== 'object' || data === null) return 0;
  if ('stored' in data && typeof data.stored === 'number') return data.stored;
  return 'isAccepted' in data && data.isAccepted === true ? 1 : 0;
}

function outcomeOf(data: unknown): string {
  if (typeof data === 'object' && data !== null && 'isAccepted' in data && data.isAccepted === false) return 'ok_not_accepted';
  return 'ok';
}

/**
 * Runs one spec over its group (see loadProtocol.ts): schedules, sends, times and counts. `onSent(member)` and the
 * answer's callback keep each member's `inFlight`.
 */
export async function runLoad(spec: RunSpec): Promise<RunSummary> {
  const { members } = groupOf(spec.group);
  if (members.length === 0) throw new Error(`group ${spec.group} has no sockets`);
  const record = new RunRecord();
  const random = seededRandom(20_240_611);
  const seqOf = new Array<number>(members.length).fill(0);
  const disconnectsBefore = members.reduce((sum, m) => sum + m.disconnects, 0);
  let globalSeq = 0;
  const cpuBefore = process.cpuUsage();
  const onAnswered = new Set<() => void>();

  /** Sends the next command of member `index`; false when its plan has run out. */
  const sendNext = (index: number, scheduledAt: number): boolean => {
    const member = members[index] as GroupMember;
    if (!member.socket.connected || member.inFlight >= spec.maxInFlightPerSocket) {
      record.skipped += 1;
      return true;
    }
    const seq = seqOf[index] ?? 0;
    const command = plannedCommand(spec.plan, index, member.spec.unitId, seq, globalSeq, random);
    if (!command) return false;
    seqOf[index] = seq + 1;
    globalSeq += 1;
    const sentAt = performance.now();
    if (Number.isNaN(record.firstSendAt)) record.firstSendAt = sentAt;
    record.maxScheduleLagMs = Math.max(record.maxScheduleLagMs, sentAt - scheduledAt);
    member.inFlight += 1;
    record.sent += 1;
    const socket = member.socket;
    rawEmit(socket)(command.event, command.payload, (result) => {
      const at = performance.now();
      if (member.socket === socket) member.inFlight -= 1;
      record.answered += 1;
      record.lastAnswerAt = at;
      record.ack.push(at - sentAt);
      record.ackFromSchedule.push(at - scheduledAt);
      if (result.ok) {
        record.count(outcomeOf(result.data));
        record.fixesStored += fixesStoredBy(result.data);
        if (spec.collectOk) {
          const key = command.okKey ?? okKeyOf(result.data);
          if (key) record.okKeys.push(key);
        }
      } else {
        record.count(result.error.code);
      }
      for (const listener of onAnswered) listener();
    });
    return true;
  };

  const start = performance.now();
  const endAt = start + spec.durationSeconds * 1000;
  let offered = 0;
  if (spec.pace.kind === 'rate') {
    const rate = spec.pace.ratePerSecond;
    const total = Math.round(rate * spec.durationSeconds);
    const intervalMs = 1000 / rate;
    let next = 0;
    let isExhausted = false;
    while (next < total && !isExhausted) {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (next < due) {
        if (!sendNext(next % members.length, start + next * intervalMs)) {
          isExhausted = true;
          break;
        }
        next += 1;
      }
      offered = next;
      await sleep(start + next * intervalMs - performance.now());
    }
  } else {
    const { inFlightPerSocket } = spec.pace;
    const isOpen = new Array<boolean>(members.length).fill(true);
    let openCount = members.length;
    const top = (index: number): void => {
      const member = members[index] as GroupMember;
      while (isOpen[index] && member.inFlight < inFlightPerSocket && member.socket.connected) {
        if (performance.now() >= endAt || !sendNext(index, performance.now())) {
          isOpen[index] = false;
          openCount -= 1;
        }
      }
    };
    const topAll = (): void => {
      for (let index = 0; index < members.length; index += 1) top(index);
    };
    onAnswered.add(topAll);
    topAll();
    while (openCount > 0 && performance.now() < endAt) await sleep(20);
    onAnswered.delete(topAll);
    offered = record.sent;
  }
  const sendEnd = performance.now();
  const drainUntil = sendEnd + spec.drainMs;
  while (record.answered < record.sent && performance.now() < drainUntil) await sleep(10);
  const cpu = process.cpuUsage(cpuBefore);
  const lastAt = Number.isNaN(record.lastAnswerAt) ? sendEnd : Math.max(record.lastAnswerAt, sendEnd);
  const firstAt = Number.isNaN(record.firstSendAt) ? start : record.firstSendAt;
  const elapsedMs = lastAt - firstAt;
  return {
    group: spec.group,
    command: eventOf(spec.plan),
    offered,
    sent: record.sent,
    skipped: record.skipped,
    answered: record.answered,
    unanswered: record.sent - record.answered,
    outcomes: record.outcomes,
    sendWindowMs: sendEnd - firstAt,
    elapsedMs,
    answeredPerSecond: elapsedMs > 0 ? record.answered / (elapsedMs / 1000) : 0,
    ack: summarize(record.ack),
    ackFromSchedule: summarize(record.ackFromSchedule),
    maxScheduleLagMs: record.maxScheduleLagMs,
    disconnects: members.reduce((sum, m) => sum + m.disconnects, 0) - disconnectsBefore,
    okKeys: record.okKeys,
    fixesStored: record.fixesStored,
    generatorCpuMs: (cpu.user + cpu.system) / 1000,
  };
}
