import { serveCalls } from './ipcCalls.ts';
import type { LoadCalls } from './loadProtocol.ts';
import { runLoad } from './loadRun.ts';
import { closeGroup, connectGroup, reconnectGroup, socketCount } from './loadSockets.ts';

/**
 * The load generator: a child process (forked by bench/load/startLoadGenerator.ts) holding real socket.io-client
 * connections to a server in another process. Its message API is documented in bench/load/loadProtocol.ts.
 */
serveCalls<LoadCalls>({
  connect: (request) => connectGroup(request),
  run: (spec) => runLoad(spec),
  reconnect: (request) => reconnectGroup(request),
  close: ({ group }) => Promise.resolve({ closed: closeGroup(group) }),
  usage: () => {
    const cpu = process.cpuUsage();
    return Promise.resolve({ cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000, rssMiB: process.memoryUsage().rss / 1_048_576, sockets: socketCount() });
  },
});
