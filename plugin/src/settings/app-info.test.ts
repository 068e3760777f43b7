import { describe, expect, it } from 'vitest';
import { parseAppName } from './app-info';

describe('parseAppName', () => {
  it('reads the app name of GET /k/v1/app', () => {
    expect(parseAppName({ appId: '12', name: 'Inquiries' })).toBe('Inquiries');
    expect(parseAppName(null)).toBeNull();
    expect(parseAppName({ name: 3 })).toBeNull();
  });
});
