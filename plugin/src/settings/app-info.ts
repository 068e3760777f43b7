import { isObject } from '../shared/is-object';
/** Top-level field codes from `GET /k/v1/preview/app/form/fields` (sub-table columns are not sent). */
export function parseFieldCodes(response: unknown): string[] | null {
  if (!isObject(response) || !isObject(response.properties)) return null;
  return Object.keys(response.properties);
}

/** The app name from `GET /k/v1/app`. */
export function parseAppName(response: unknown): string | null {
  return isObject(response) && typeof response.name === 'string' ? response.name : null;
}
