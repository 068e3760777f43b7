import { type BodyLimits, type HttpReply, jsonReply } from '../fake-server/http-io';

/**
 * Far above any valid ChatWork message (65,535 chars ≈ 590 KB even fully percent-encoded in UTF-8);
 * up to 16 times as much is read and discarded so an uploading client gets to read the 413.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
export const BODY_LIMITS: BodyLimits = { maxBytes: MAX_BODY_BYTES, maxDrainBytes: 16 * MAX_BODY_BYTES };

/** ChatWork's error shape: always `{"errors": [string, ...]}`. */
export function errorReply(status: number, message: string, headers: Record<string, string> = {}): HttpReply {
  return jsonReply(status, { errors: [message] }, headers);
}
