import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOMS } from '../../server/realtime/rooms.ts';
import { UnitFixSchema } from '../../shared/units/unitSchema.ts';
import { connectClient, type TestClient } from '../support/testClient.ts';
import { DISPATCHER } from '../support/builders.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe('[SO1] the Socket.IO adapter\'s stream is bounded', () => {
  let app: TestServer;
  let board: TestClient;
  beforeAll(async () => {
    app = await startTestServer({ settings: { adapterStreamMaxLen: 100 } });
    board = await connectClient(app.url, DISPATCHER);
  });
  afterAll(async () => {
    board.close();
    await app.close();
  });

  it('[SO1] 1,000 frames broadcast through the adapter leave at most its bound (and one stream node) in Redis; each still reaches the board', async () => {
    let received = 0;
    board.socket.on('units:moved', () => {
      received += 1;
    });
    const fix = UnitFixSchema.parse({ unitId: 'bls-b01', position: [28.05, -26.2], fixAt: Date.now() });
    for (let i = 0; i < 1_000; i += 1) app.server.io.to(ROOMS.consoles).emit('units:moved', [fix]);
    await expect.poll(() => received, { timeout: 10_000 }).toBe(1_000);
    const length = await app.server.ctx.redis.xlen(app.server.ctx.keys.socketIoStream);
    // XADD MAXLEN ~ trims whole stream nodes (100 entries each by default).
    expect(length).toBeGreaterThan(0);
    expect(length).toBeLessThanOrEqual(200);
  });
});
