// npx tsx bench/profile.ts <scenario> [seconds]: loads one scenario's route (no baseline) under the V8
// CPU profiler of the server's thread, writes the .cpuprofile (for Chrome DevTools) and prints the
// functions with the most self time, so a slow route shows where its time goes.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import autocannon from 'autocannon';
import { startTestServer } from '../test/support/server.js';
import { postgresReachable } from '../test/support/db.js';
import { log, settings, type RouteScenario } from './measure.js';
import { SCENARIOS } from './scenarios.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function, largest first, as shares of the whole profile. */
export function hottest(profile: Profile, top: number) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench|test)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ share: us / total, name }));
}

async function main() {
  const [name, seconds = '5'] = process.argv.slice(2);
  const scenario = SCENARIOS.find((s): s is RouteScenario => s.name === name && 'setup' in s);
  if (!scenario) throw new Error(`usage: bench/profile.ts <${SCENARIOS.filter((s) => 'setup' in s).map((s) => s.name).join('|')}> [seconds]`);
  if (await postgresReachable()) process.env.TEST_DB = 'postgres';
  const server = await startTestServer();
  try {
    const target = await scenario.setup(server);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const result = await autocannon({
      url: server.url,
      requests: [{ method: target.method ?? 'GET', path: target.path, headers: { ...target.headers, ...(target.bodies ? { 'content-type': 'application/json' } : {}) }, ...(target.bodies ? { body: JSON.stringify(target.bodies[0]) } : {}), ...(target.setupRequest ? { setupRequest: target.setupRequest } : {}) }],
      connections: scenario.connections ?? settings.connections,
      duration: Number(seconds),
      workers: 1,
    });
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    const file = `/tmp/${name}-${Date.now()}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    log(`${name}: ${(result.requests.total / result.duration).toFixed(1)} req/s, p50 ${result.latency.p50} ms, non-2xx ${result.non2xx}; profile ${file}`);
    for (const { share, name: fn } of hottest(profile, 40)) log(`${(share * 100).toFixed(1).padStart(5)}%  ${fn}`);
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
