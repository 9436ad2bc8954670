import { describe, expect, it } from 'vitest';
import { createCommandClient, newCommandId } from '../../dispatch-console/src/realtime/commandClient.ts';
import type { CommandName, CommandTransport } from '../../dispatch-console/src/realtime/commandClient.ts';

/** A transport whose server answers a command id once and replays that answer on resends. */
class FakeTransport implements CommandTransport {
  connected = true;
  sent: { name: CommandName; payload: Record<string, unknown> }[] = [];
  dropNext = 0;
  /** Answers this many attempts as a draining server would: refused, nothing run. */
  drainNext = 0;
  private listeners = new Set<(connected: boolean) => void>();
  private answers = new Map<string, unknown>();

  isConnected() {
    return this.connected;
  }
  onConnectionChange(listener: (connected: boolean) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setConnected(connected: boolean) {
    this.connected = connected;
    for (const listener of [...this.listeners]) listener(connected);
  }
  emitWithAck(name: CommandName, payload: unknown): Promise<unknown> {
    const body = payload as Record<string, unknown>;
    this.sent.push({ name, payload: body });
    const id = String(body['commandId']);
    if (this.drainNext > 0) {
      this.drainNext -= 1;
      return Promise.resolve({ ok: false, error: { code: 'server_draining', message: 'shutting down' } });
    }
    if (!this.answers.has(id)) this.answers.set(id, { ok: true, data: { applied: this.answers.size + 1 } });
    if (this.dropNext > 0) {
      this.dropNext -= 1;
      return Promise.reject(new Error('operation has timed out'));
    }
    return Promise.resolve(this.answers.get(id));
  }
}

describe('newCommandId', () => {
  it('matches the shared command id pattern', () => {
    expect(newCommandId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});

describe('sendCommand', () => {
  it('adds a commandId and returns the answer', async () => {
    const transport = new FakeTransport();
    const client = createCommandClient(transport);
    const answer = await client.sendCommand('dispatch:assign', { incidentId: 'EC-1', unitIds: ['u1'] });
    expect(answer).toEqual({ ok: true, data: { applied: 1 } });
    expect(transport.sent[0]?.payload['commandId']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('resends with the same commandId after a timeout', async () => {
    const transport = new FakeTransport();
    transport.dropNext = 2;
    const client = createCommandClient(transport, { attemptTimeoutMs: 10, retryDelayMs: 1 });
    const answer = await client.sendCommand('incident:create', { type: 'assault', location: [28.04, -26.2], callerName: 'Thandi', callbackNumber: '082 555 0123' });
    expect(answer.ok).toBe(true);
    expect(transport.sent).toHaveLength(3);
    expect(new Set(transport.sent.map((s) => s.payload['commandId'])).size).toBe(1);
  });

  it('waits for the reconnection before resending', async () => {
    const transport = new FakeTransport();
    transport.connected = false;
    const client = createCommandClient(transport);
    const pending = client.sendCommand('incident:close', { incidentId: 'EC-1', disposition: 'transported' });
    await new Promise((r) => setTimeout(r, 20));
    expect(transport.sent).toHaveLength(0);
    transport.setConnected(true);
    expect((await pending).ok).toBe(true);
    expect(transport.sent).toHaveLength(1);
  });

  it('[OPS4] sends the same command again when a draining server refused it, and gets the answer of the one that ran it', async () => {
    const transport = new FakeTransport();
    transport.drainNext = 2;
    const client = createCommandClient(transport, { retryDelayMs: 1 });
    const answer = await client.sendCommand('incident:create', { type: 'assault', location: [28.04, -26.2], callerName: 'Thandi', callbackNumber: '082 555 0123' });
    expect(answer).toEqual({ ok: true, data: { applied: 1 } });
    expect(transport.sent).toHaveLength(3);
    expect(new Set(transport.sent.map((s) => s.payload['commandId'])).size).toBe(1);
  });

  it('[OPS4] a server that keeps draining past the deadline is said as draining, not as "no answer"', async () => {
    const transport = new FakeTransport();
    transport.drainNext = Number.POSITIVE_INFINITY;
    const client = createCommandClient(transport, { giveUpAfterMs: 30, retryDelayMs: 2 });
    const answer = await client.sendCommand('dispatch:assign', { incidentId: 'EC-1', unitIds: ['u1'] });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('server_draining');
  });

  it('gives up with a plain message when the server never answers', async () => {
    const transport = new FakeTransport();
    transport.dropNext = Number.POSITIVE_INFINITY;
    const client = createCommandClient(transport, { attemptTimeoutMs: 5, giveUpAfterMs: 40, retryDelayMs: 2 });
    const answer = await client.sendCommand('dispatch:assign', { incidentId: 'EC-1', unitIds: ['u1'] });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/No answer from the server/);
  });
});
