import { failureMessage } from '../messages-for';
import { IDS } from '../problem-targets';
import type { ConnectionInfo, RelayFailure } from '../relay-client';
import { maskKey } from '../stored-key';
import type { PageContext } from './context';
import { byId, h } from './dom';

export interface ConnectionPanel {
  /** Shows the answer of `GET /v1/connection` (or why there is none). */
  showResult(
    result: { ok: true; value: ConnectionInfo } | { ok: false; failure: RelayFailure } | { ok: false; text: string },
  ): void;
  setVerifying(busy: boolean): void;
}

/**
 * The connection part of config.html: relay URL, the key (masked once stored, "Replace key"
 * reveals an empty input; empty keeps the stored key) and "Verify connection".
 */
export function bindConnectionPanel(root: HTMLElement, ctx: PageContext, onVerify: () => void): ConnectionPanel {
  const { messages, state } = ctx;
  const url = byId(root, IDS.relayUrl, HTMLInputElement);
  const key = byId(root, IDS.connectionKey, HTMLInputElement);
  const keyLabel = byId(root, 'connection-key-label', HTMLElement);
  const storedRow = byId(root, 'stored-key-row', HTMLElement);
  const storedText = byId(root, 'stored-key', HTMLElement);
  const replace = byId(root, 'replace-key', HTMLButtonElement);
  const keyRow = byId(root, 'key-input-row', HTMLElement);
  const keep = byId(root, 'keep-key', HTMLButtonElement);
  const newKeyHelp = byId(root, 'new-key-help', HTMLElement);
  const verify = byId(root, 'verify-connection', HTMLButtonElement);
  const result = byId(root, 'connection-result', HTMLElement);

  url.value = state.relayUrl;
  url.addEventListener('input', () => {
    state.relayUrl = url.value;
    ctx.resolve('relayUrl');
  });
  key.addEventListener('input', () => {
    state.keyInput = key.value;
    ctx.resolve('connectionKey');
  });

  const drawKey = () => {
    const stored = state.storedKey;
    const showInput = stored === null || state.replacingKey;
    storedRow.hidden = stored === null || state.replacingKey;
    if (stored !== null) storedText.textContent = messages.storedKey(maskKey(stored));
    keyRow.hidden = !showInput;
    keep.hidden = stored === null;
    newKeyHelp.hidden = stored === null;
    keyLabel.textContent = stored !== null && state.replacingKey ? messages.newKeyLabel : messages.connectionKeyLabel;
  };
  replace.addEventListener('click', () => {
    state.replacingKey = true;
    state.keyInput = '';
    key.value = '';
    drawKey();
    key.focus();
  });
  keep.addEventListener('click', () => {
    state.replacingKey = false;
    state.keyInput = '';
    key.value = '';
    ctx.resolve('connectionKey');
    drawKey();
    replace.focus();
  });
  drawKey();

  verify.addEventListener('click', onVerify);

  const item = (label: string, value: string, testid: string) =>
    h('div', { class: 'k2c-fact' }, h('dt', { text: label }), h('dd', { 'data-testid': testid, text: value }));

  return {
    setVerifying(busy) {
      verify.disabled = busy;
      verify.textContent = busy ? messages.verifying : messages.verify;
    },
    showResult(answer) {
      result.hidden = false;
      if (answer.ok) {
        const info = answer.value;
        result.dataset.kind = 'success';
        result.replaceChildren(
          h('p', { class: 'k2c-result-title', text: messages.connectionOk }),
          h(
            'dl',
            { class: 'k2c-facts' },
            item(messages.companyLabel, info.tenantName, 'connection-company'),
            item(messages.planLabel, messages.planName(info.plan.code), 'connection-plan'),
            item(
              messages.usageLabel,
              messages.usage(info.plan.usedThisMonth, info.plan.monthlyQuota),
              'connection-usage',
            ),
            item(
              messages.chatworkLabel,
              info.chatwork
                ? messages.chatworkAccount(info.chatwork.name, info.chatwork.accountId)
                : messages.chatworkNotConnected,
              'connection-chatwork',
            ),
          ),
        );
        return;
      }
      result.dataset.kind = 'error';
      result.replaceChildren(
        h('p', {
          'data-testid': 'connection-error',
          text: 'failure' in answer ? failureMessage(answer.failure, messages) : answer.text,
        }),
      );
    },
  };
}
