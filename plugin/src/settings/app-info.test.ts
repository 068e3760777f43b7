import { describe, expect, it } from 'vitest';
import { parseAppName, parseFieldCodes } from './app-info';

describe('app info', () => {
  it('reads the top-level field codes of the form', () => {
    const response = {
      properties: {
        title: { type: 'SINGLE_LINE_TEXT', code: 'title' },
        items: { type: 'SUBTABLE', code: 'items', fields: { qty: { type: 'NUMBER', code: 'qty' } } },
      },
      revision: '3',
    };
    expect(parseFieldCodes(response)).toEqual(['title', 'items']);
    expect(parseFieldCodes({ message: 'denied' })).toBeNull();
  });

  it('reads the app name', () => {
    expect(parseAppName({ appId: '12', name: 'Inquiries' })).toBe('Inquiries');
    expect(parseAppName(null)).toBeNull();
  });
});
