import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListenOptions {
  /** Default 0: a free port. */
  port?: number;
  /** The address to bind. Default 127.0.0.1. */
  host?: string;
  /** Runs once, when `close()` is first called, before the server stops (e.g. to end timers). */
  beforeClose?: () => void;
}

export interface Listening {
  /** The host a client connects to: a wildcard bind address means loopback. IPv6 without brackets. */
  host: string;
  port: number;
  /** `http://host:port`, an IPv6 host in brackets. */
  origin: string;
  /**
   * Stops listening and ends every connection, keep-alive sockets and requests a fake still holds
   * included, so it never hangs. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/** A wildcard bind address is not something a client can connect to; name loopback instead. */
function connectHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

/** Starts `server` listening, as every fake does; rejects if the port cannot be bound. */
export async function listen(server: Server, options: ListenOptions = {}): Promise<Listening> {
  const bind = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bind, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = connectHost(bind);
  let closed: Promise<void> | undefined;
  return {
    host,
    port,
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        options.beforeClose?.();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
