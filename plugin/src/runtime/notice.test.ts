import { describe, expect, it, vi } from 'vitest';
import { showBanner, showNotice } from './notice';

describe('showNotice', () => {
  it("uses kintone's notification when it exists", () => {
    const showNotification = vi.fn();
    showNotice('Something failed', 'en', showNotification, undefined);
    expect(showNotification).toHaveBeenCalledWith('ERROR', 'Something failed');
  });

  it('falls back to the banner when the asynchronous notification rejects', async () => {
    const { body, doc } = fakeDocument();
    const rejecting = vi.fn(() => Promise.reject(new Error('not on this screen')));
    showNotice('Not sent', 'en', rejecting, doc);
    expect(body.children).toHaveLength(0);
    await vi.waitFor(() => expect(body.children).toHaveLength(1));
    expect(((body.children[0] as FakeElement).children[0] as FakeElement).textContent).toBe('Not sent');
  });

  it('shows no banner when the asynchronous notification succeeds', async () => {
    const { body, doc } = fakeDocument();
    showNotice('Not sent', 'en', () => Promise.resolve(), doc);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(body.children).toHaveLength(0);
  });

  it('does not throw when neither kintone nor a document can show it', () => {
    const failing = vi.fn(() => {
      throw new Error('not here');
    });
    expect(() => showNotice('x', 'ja', failing, undefined)).not.toThrow();
    expect(() => showNotice('x', 'ja', undefined, undefined)).not.toThrow();
  });
});

/** Just enough of the DOM for showBanner; the real page is covered by the browser tests. */
class FakeElement {
  id = '';
  className = '';
  type = '';
  textContent: string | null = '';
  readonly attributes = new Map<string, string>();
  readonly children: (FakeElement | string)[] = [];
  parent: FakeElement | null = null;
  private readonly listeners = new Map<string, () => void>();
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  append(...nodes: (FakeElement | string)[]) {
    for (const node of nodes) {
      if (typeof node !== 'string') node.parent = this;
      this.children.push(node);
    }
  }
  prepend(node: FakeElement) {
    node.parent = this;
    this.children.unshift(node);
  }
  remove() {
    if (!this.parent) return;
    this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, listener);
  }
  click() {
    this.listeners.get('click')?.();
  }
}

function fakeDocument() {
  const body = new FakeElement('body');
  const find = (node: FakeElement, id: string): FakeElement | null => {
    if (node.id === id) return node;
    for (const child of node.children) {
      const found = typeof child === 'string' ? null : find(child, id);
      if (found) return found;
    }
    return null;
  };
  const doc = {
    body,
    createElement: (tag: string) => new FakeElement(tag),
    getElementById: (id: string) => find(body, id),
  };
  return { body, doc: doc as unknown as Document };
}

describe('banner fallback', () => {
  it('shows a dismissible alert at the top of the page, replacing an older one', () => {
    const { body, doc } = fakeDocument();
    body.append(new FakeElement('main'));
    showNotice('<b>first</b>', 'ja', undefined, doc);
    showNotice('second', 'en', undefined, doc);
    const banners = body.children.filter((child) => typeof child !== 'string' && child.id === 'k2c-notice');
    expect(banners).toHaveLength(1);
    const banner = body.children[0] as FakeElement;
    expect(banner.attributes.get('role')).toBe('alert');
    const [text, close] = banner.children as FakeElement[];
    expect(text?.textContent).toBe('second');
    expect(close?.attributes.get('aria-label')).toBe('Close');
    close?.click();
    expect(body.children.map((child) => (typeof child === 'string' ? child : child.tagName))).toEqual(['main']);
  });

  it('keeps markup in a message as text', () => {
    const { body, doc } = fakeDocument();
    const banner = showBanner(doc, '<img src=x onerror=alert(1)>', 'ja') as unknown as FakeElement;
    expect((banner.children[0] as FakeElement).textContent).toBe('<img src=x onerror=alert(1)>');
    expect((banner.children[1] as FakeElement).attributes.get('aria-label')).toBe('閉じる');
    expect(body.children[0]).toBe(banner);
  });
});
