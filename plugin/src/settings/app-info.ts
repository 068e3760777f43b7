import { isObject } from '../shared/is-object';

/** The app name from `GET /k/v1/app`. */
export function parseAppName(response: unknown): string | null {
  return isObject(response) && typeof response.name === 'string' ? response.name : null;
}
