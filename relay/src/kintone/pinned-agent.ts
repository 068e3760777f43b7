import { Agent, type AgentOptions, type RequestOptions } from 'node:https';
import type { Duplex } from 'node:stream';

/**
 * An HTTPS agent that only opens connections to one host and port.
 *
 * @kintone/rest-api-client sends through axios, which follows redirects and, on a redirect to
 * another host, drops only `Authorization`/`Cookie` — `X-Cybozu-API-Token` would go along. The
 * client exposes no `maxRedirects`, but it does take an `httpsAgent`, which every HTTPS hop of a
 * redirect goes through. Refusing to connect anywhere else means an HTTPS redirect off the
 * checked host fails before any header is sent.
 *
 * Not covered: a redirect to plain `http:` goes through Node's default agent. Only the checked,
 * allow-listed host (Cybozu's servers by default) could send one, and kintone's API does not.
 */
export class PinnedHttpsAgent extends Agent {
  constructor(
    private readonly hostname: string,
    private readonly port = 443,
    options: AgentOptions = {},
  ) {
    super(options);
  }

  // Node documents `createConnection(options, callback)`, with `callback(error, socket)` as the
  // asynchronous way to fail: the request then errors like a refused connection.
  override createConnection(
    options: RequestOptions,
    callback?: (error: Error | null, socket: Duplex) => void,
  ): Duplex | null | undefined {
    const host = (options.host ?? options.hostname ?? '').toLowerCase();
    const port = Number(options.port ?? 443);
    if (host !== this.hostname || port !== this.port) {
      const error = new Error('The relay connects only to the checked kintone host');
      if (!callback) throw error;
      // On failure Node's own agents pass no socket; the typings insist on one.
      callback(error, undefined as unknown as Duplex);
      return undefined;
    }
    return super.createConnection(options, callback);
  }
}
