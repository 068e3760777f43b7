import { describe, expect, it } from 'vitest';
import { insertAtCursor, placeholderFor } from './template-insert';

describe('insertAtCursor', () => {
  it('inserts at the caret and puts the caret after the insertion', () => {
    expect(insertAtCursor('Hello world', 6, 6, placeholderFor('name'))).toEqual({
      text: 'Hello {{name}}world',
      cursor: 14,
    });
  });

  it('replaces a selection', () => {
    expect(insertAtCursor('[title]XXX[/title]', 7, 10, '{{title}}')).toEqual({
      text: '[title]{{title}}[/title]',
      cursor: 16,
    });
  });

  it('works at both ends and in an empty text', () => {
    expect(insertAtCursor('abc', 0, 0, 'X')).toEqual({ text: 'Xabc', cursor: 1 });
    expect(insertAtCursor('abc', 3, 3, 'X')).toEqual({ text: 'abcX', cursor: 4 });
    expect(insertAtCursor('', 0, 0, '{{$recordUrl}}')).toEqual({ text: '{{$recordUrl}}', cursor: 14 });
  });

  it('clamps and orders stale or reversed positions', () => {
    expect(insertAtCursor('abc', 99, 99, 'X')).toEqual({ text: 'abcX', cursor: 4 });
    expect(insertAtCursor('abcdef', 4, 1, 'X')).toEqual({ text: 'aXef', cursor: 2 });
    expect(insertAtCursor('abc', -5, 1, 'X')).toEqual({ text: 'Xbc', cursor: 1 });
    expect(insertAtCursor('abc', Number.NaN, Number.NaN, 'X')).toEqual({ text: 'abcX', cursor: 4 });
  });

  it('counts positions the way a textarea does, in Japanese text too', () => {
    expect(insertAtCursor('件名：', 3, 3, '{{件名}}')).toEqual({ text: '件名：{{件名}}', cursor: 9 });
  });
});
