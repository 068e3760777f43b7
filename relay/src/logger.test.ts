import { describe, expect, it } from 'vitest';
import { describeError } from './logger';

describe('describeError', () => {
  it('never logs the parameters of a failed query, which may hold personal data', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const failed = new Error(
      'Failed query: insert into deliveries (body) values ($1)\\nparams: 佐藤さんの電話番号 090-0000-0000',
      { cause },
    );
    const fields = describeError(failed);
    expect(fields).toEqual({
      error: 'DatabaseError',
      errorMessage: 'duplicate key value violates unique constraint',
      errorCode: '23505',
    });
    expect(JSON.stringify(fields)).not.toContain('090');
  });

  it('keeps other errors as they are', () => {
    expect(describeError(new TypeError('boom'))).toEqual({ error: 'TypeError', errorMessage: 'boom' });
    expect(describeError('text')).toEqual({ error: 'text' });
  });
});
