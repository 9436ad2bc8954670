import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../server/journal/readSnapshot.ts';
import { CHROMIUM_PATH, createMedicalIncident, shot, useBoardTestbed, waitConnected } from './dispatchFlow.ts';

const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`Skipping the resume e2e test: no Chromium at ${CHROMIUM_PATH}.`);

describe.skipIf(!hasChromium)('[RT6] a board whose connection drops catches up from the version it holds', () => {
  const bed = useBoardTestbed('dispatcher', 'combined');

  it('the network drops, an incident comes in meanwhile; the board reconnects by itself saying its version, and shows it', async () => {
    const { page } = bed;
    const { io } = bed.server.server;
    const before = await createMedicalIncident(page, 'before the network dropped');
    await page.getByTestId(`queue-row-${before.reference}`).waitFor({ timeout: 15_000 });
    const held = (await readSnapshot(bed.server.server.ctx)).version;
    const reconnections: (number | null)[] = [];
    io.on('connection', (socket) => reconnections.push(socket.data.resumeVersion));

    // A network blip: the board's transport is cut under it (not a sign-out), so its client reconnects by itself.
    for (const socket of io.of('/').sockets.values()) if (socket.data.session.role === 'dispatcher') socket.conn.close();
    const during = await createMedicalIncident(page, 'while the board was away');

    await page.getByTestId(`queue-row-${during.reference}`).waitFor({ timeout: 30_000 });
    await waitConnected(page);
    expect(await page.getByTestId(`queue-row-${before.reference}`).count()).toBe(1);
    // It said the version it held (the board's when the network dropped), so it was sent the change, not the board.
    expect(reconnections).toEqual([held]);
    await shot(page, 'resume-01-caught-up');
  });
});
