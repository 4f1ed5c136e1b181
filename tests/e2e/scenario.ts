// A mock of its own for a spec, started in a ready scenario (mock-server/scenarios/NAME.json):
// the same binary and console as the suite's (MOCK_SERVER_BIN, DIST_DIR), on a port the system
// picks, learned from the line the server prints when it listens.
import { spawn, ChildProcess } from 'child_process';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');

export interface ScenarioMock {
  /// `http://127.0.0.1:PORT`, to prefix every path with.
  url: string;
  stop: () => Promise<void>;
}

/// `name`: a ready scenario of mock-server/scenarios/, or a file (ending in `.json`) of a spec's
/// own, relative to tests/e2e/.
export async function startScenario(name: string): Promise<ScenarioMock> {
  const bin = process.env.MOCK_SERVER_BIN ?? path.join(root, 'target/debug/mock-server');
  const dist = process.env.DIST_DIR ?? path.join(root, 'dist');
  const file = name.endsWith('.json')
    ? path.join(__dirname, name)
    : path.join(root, 'mock-server/scenarios', `${name}.json`);
  const server: ChildProcess = spawn(
    bin,
    ['--dist', dist, '--port', '0', '--precheck-delay-ms', '300', '--scenario', file],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  server.stderr?.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the ${name} mock did not start: ${stderr}`)), 30_000);
    server.stdout?.on('data', (d) => {
      out += d;
      const m = out.match(/mock-server listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${name} mock exited (${code}): ${stderr}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill();
      }),
  };
}
