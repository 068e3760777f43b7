import { createServer } from 'node:net';

/** Whether nothing listens on host:port right now (0 is always "free": the system picks one). */
export function isPortFree(port: number, host: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/**
 * The port to listen on: the wanted one when it is free, otherwise 0 (a random free port), with
 * a note saying so. Something may still take the port between the check and the listen; then
 * the start fails with EADDRINUSE and the user simply runs the sandbox again.
 */
export async function choosePort(
  name: string,
  wanted: number,
  host: string,
  note: (line: string) => void,
): Promise<number> {
  if (await isPortFree(wanted, host)) return wanted;
  note(
    `ポート ${wanted}（${name}）は使用中のため、空いているポートを使います。/ ` +
      `Port ${wanted} (${name}) is in use; a random free port is used instead.`,
  );
  return 0;
}
