import { describe, expect, it } from 'vitest';
import { desktopEvents, mobileEvents } from './events';

describe('event bindings', () => {
  it('covers create, edit, inline edit and status actions on desktop', () => {
    expect(Object.fromEntries(desktopEvents.notify)).toEqual({
      'app.record.create.submit.success': 'create',
      'app.record.edit.submit.success': 'edit',
      'app.record.index.edit.submit.success': 'edit',
      'app.record.detail.process.proceed': 'status',
    });
    expect(desktopEvents.editShow).toEqual(['app.record.edit.show', 'app.record.index.edit.show']);
    expect(desktopEvents.landing).toEqual(['app.record.detail.show', 'app.record.index.show']);
    expect(desktopEvents.staysOnScreen).toEqual(['app.record.index.edit.submit.success']);
  });

  it('has no inline edit on mobile', () => {
    expect(Object.fromEntries(mobileEvents.notify)).toEqual({
      'mobile.app.record.create.submit.success': 'create',
      'mobile.app.record.edit.submit.success': 'edit',
      'mobile.app.record.detail.process.proceed': 'status',
    });
    expect(mobileEvents.editShow).toEqual(['mobile.app.record.edit.show']);
    expect(mobileEvents.landing).toEqual(['mobile.app.record.detail.show', 'mobile.app.record.index.show']);
    expect(mobileEvents.staysOnScreen).toEqual([]);
  });
});
