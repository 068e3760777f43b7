import { type NotificationEvent, notificationEvents } from '@k2c/rules';
import { failureMessage } from '../messages-for';
import { buildPreviewRequest, type PreviewSource, sampleRecord } from '../preview-request';
import type { PreviewMessage } from '../relay-client';
import { ruleSetFromDrafts } from '../rule-draft';
import { problemsFromIssues } from '../validation';
import type { PageContext } from './context';
import { h, options, setText } from './dom';

function issuesOf(details: unknown): { path: string; message: string }[] {
  if (typeof details !== 'object' || details === null || !('issues' in details) || !Array.isArray(details.issues))
    return [];
  return details.issues.filter(
    (issue): issue is { path: string; message: string } =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof issue.path === 'string' &&
      typeof issue.message === 'string',
  );
}

/**
 * Renders every rule's message through the relay's `POST /v1/preview` for the app's newest
 * record (or sample values), and says for each whether it would be sent. Sends nothing.
 */
export function previewPanel(ctx: PageContext): HTMLElement {
  const { messages } = ctx;
  const event = h(
    'select',
    { id: 'preview-event', 'data-testid': 'preview-event' },
    ...options(notificationEvents.map((item) => [item, messages.events[item]] as const)),
  );
  const button = h('button', {
    type: 'button',
    id: 'preview-button',
    'data-testid': 'preview-button',
    class: 'kintoneplugin-button-normal k2c-button-small',
    text: messages.previewButton,
  });
  const status = h('p', {
    id: 'preview-status',
    'data-testid': 'preview-status',
    class: 'k2c-inline-status',
    role: 'status',
    'aria-live': 'polite',
    hidden: true,
  });
  const results = h('div', { id: 'preview-results', 'data-testid': 'preview-results', class: 'k2c-preview-results' });

  const show = (text: string, kind: 'info' | 'error' | 'success') => {
    setText(status, text);
    status.dataset.kind = kind;
  };

  function card(message: PreviewMessage): HTMLElement {
    const index = ctx.state.list.rules.findIndex((rule) => rule.id === message.ruleId);
    const rule = ctx.state.list.rules[index];
    const name = rule?.name.trim() || messages.untitled;
    const enabled = rule?.enabled ?? true;
    const verdict = !enabled
      ? messages.previewDisabled
      : message.matches
        ? messages.previewWouldSend
        : messages.previewWouldNotSend;
    const kind = !enabled ? 'muted' : message.matches ? 'success' : 'muted';
    return h(
      'article',
      {
        class: 'k2c-preview-card',
        'data-testid': `preview-${message.ruleId}`,
        'data-matches': String(message.matches),
      },
      h(
        'header',
        { class: 'k2c-preview-header' },
        h('span', { class: 'k2c-preview-name', text: `${index + 1}. ${name}` }),
        h('span', { class: 'k2c-preview-room', text: messages.previewRoom(message.roomId) }),
        h('span', {
          class: `k2c-badge k2c-badge-${kind}`,
          'data-testid': `preview-${message.ruleId}-verdict`,
          text: verdict,
        }),
      ),
      h('pre', { class: 'k2c-preview-body', 'data-testid': `preview-${message.ruleId}-body`, text: message.body }),
    );
  }

  async function run(): Promise<void> {
    results.replaceChildren();
    const client = ctx.relay();
    if (!client) {
      show(messages.needConnection, 'error');
      return;
    }
    if (ctx.state.list.rules.length === 0) {
      show(messages.previewNoRules, 'info');
      return;
    }
    show(messages.previewing, 'info');
    const source: PreviewSource = (await ctx.newestRecord()) ?? {
      kind: 'sample',
      record: sampleRecord(
        ctx.state.fields ?? [],
        ctx.user,
        { text: messages.sampleText, status: messages.sampleStatus.from },
        new Date(),
      ),
    };
    const request = buildPreviewRequest({
      event: event.value as NotificationEvent,
      appId: ctx.appId,
      appName: ctx.state.appName,
      kintoneHost: ctx.kintoneHost,
      location: { origin: ctx.origin, pathname: ctx.pathname },
      source,
      user: ctx.user,
      ruleSet: ruleSetFromDrafts(ctx.state.list.rules),
      status: messages.sampleStatus,
    });
    const result = await client.preview(request);
    if (result.ok) {
      show(
        source.kind === 'record' ? messages.previewFromRecord(source.recordId) : messages.previewFromSample,
        'success',
      );
      results.replaceChildren(...result.value.map(card));
      return;
    }
    const { failure } = result;
    if (failure.kind === 'error' && failure.code === 'invalid_rules') {
      show(messages.previewInvalid, 'error');
      ctx.reportProblems(problemsFromIssues(issuesOf(failure.details)));
      return;
    }
    show(failureMessage(failure, messages), 'error');
  }

  button.addEventListener('click', () => {
    button.disabled = true;
    void run().finally(() => {
      button.disabled = false;
    });
  });

  return h(
    'div',
    { class: 'k2c-preview' },
    h('p', { class: 'kintoneplugin-desc', text: messages.previewHelp }),
    h(
      'div',
      { class: 'k2c-inline' },
      h('label', { class: 'k2c-sublabel k2c-inline-label', for: 'preview-event', text: messages.previewEventLabel }),
      h('div', { class: 'kintoneplugin-select-outer' }, h('div', { class: 'kintoneplugin-select' }, event)),
      button,
    ),
    status,
    results,
  );
}

/** Sets the preview's event to the selected rule's first event, so "Preview" shows that rule firing. */
export function suggestPreviewEvent(root: ParentNode, events: readonly NotificationEvent[]): void {
  const select = root.querySelector<HTMLSelectElement>('#preview-event');
  const first = events[0];
  if (select && first) select.value = first;
}
