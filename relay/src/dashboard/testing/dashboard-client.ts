import { expect } from 'vitest';

type Fetcher = { request(input: string, init?: RequestInit): Response | Promise<Response> };

/** The origin `app.request` uses for a bare path; a browser posting a form there sends it. */
export const TEST_ORIGIN = 'http://localhost';

/**
 * A browser-like client for the dashboard through `app.request`: it keeps cookies, posts forms
 * as a browser does (urlencoded, with its Origin) and never follows redirects.
 */
export class DashboardClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: Fetcher,
    private readonly headers: Record<string, string> = {},
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.app.request(path, {
      headers: { ...this.headers, ...(this.cookies.size ? { Cookie: this.cookieHeader } : {}), ...headers },
    });
    this.remember(response);
    return response;
  }

  async post(
    path: string,
    fields: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const response = await this.app.request(path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        ...this.headers,
        ...(this.cookies.size ? { Cookie: this.cookieHeader } : {}),
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
    this.remember(response);
    return response;
  }

  /** GET a page that must answer 200 with HTML, and return the HTML. */
  async page(path: string, headers: Record<string, string> = {}): Promise<string> {
    const response = await this.get(path, headers);
    expect(response.status, `${path} answered ${response.status}`).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    return response.text();
  }
}

/** Where a redirect goes, relative to the site. */
export function locationOf(response: Response): string {
  const location = response.headers.get('location') ?? '';
  return location.startsWith(TEST_ORIGIN) ? location.slice(TEST_ORIGIN.length) : location;
}

/**
 * The CSP allows only same-origin files: no inline script, no inline event handler, no style
 * attribute or element, nothing from another origin.
 */
export function expectCspClean(html: string): void {
  for (const match of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    expect(match[0], 'a script must be an external same-origin file').toMatch(/\ssrc="\/assets\//);
    expect(match[1]?.trim(), 'a script element must be empty').toBe('');
  }
  expect(html).not.toMatch(/<style\b/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/javascript:/i);
  for (const match of html.matchAll(/<(?:link|script|img)\b[^>]*\s(?:href|src)="([^"]*)"/gi)) {
    expect(match[1], 'resources come from this origin').toMatch(/^\/(?!\/)/);
  }
}

/** The text of an element found by id, tags stripped: enough for assertions on what a reader sees. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
