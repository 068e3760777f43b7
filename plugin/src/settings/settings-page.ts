import { type KintoneUser, parseRuleSet } from '@k2c/rules';
import { type PluginConfig, readPluginConfig, writePluginConfig } from '../config/plugin-config';
import { notificationsEndpoint, parseRelayUrl } from '../config/relay-url';
import { pickLanguage } from '../i18n/messages';
import { type Language, type SettingsCatalogue, settingsMessages } from '../i18n/settings-messages';
import { apiTokenInput, apiTokenToStore, storedApiToken } from './api-token';
import { type ConfigSetters, promiseConfigSetters } from './callback-api';
import type { FieldInfo } from './field-catalog';
import { failureMessage } from './messages-for';
import { appSettingsPath, pluginListPath } from './navigation';
import type { PreviewSource } from './preview-request';
import { focusId, problemsAt } from './problem-targets';
import { createRelayClient, type ProxyTransport, type RelayClient, type RoomInfo } from './relay-client';
import { draftsFromRuleSet, newRuleDraft, ruleSetFromDrafts } from './rule-draft';
import { addRule, deleteRule, duplicateRule, moveRule, type RuleListState, updateRule } from './rule-list-ops';
import { checkBeforeSave, inScreenOrder } from './save-check';
import { buildProxyData, saveSettings } from './saver';
import { readStoredProxyConfig, type StoredProxyConfig } from './stored-key';
import { bindApiTokenPanel } from './ui/api-token-panel';
import { bindConnectionPanel } from './ui/connection-panel';
import type { PageContext, PageState } from './ui/context';
import { confirmDialog } from './ui/dialog';
import { byId, setText } from './ui/dom';
import { previewPanel, suggestPreviewEvent } from './ui/preview-panel';
import { applyProblems } from './ui/problems';
import { type RuleEditor, ruleEditor } from './ui/rule-editor';
import { ruleList, ruleRowId } from './ui/rule-list';
import { connectionProblems, type Problem, problemsFromIssues, validateSettings } from './validation';

/** Everything the settings page needs from kintone and the browser, so it can run against fakes. */
export interface SettingsHost {
  pluginId: string;
  appId: string;
  user: KintoneUser & { language: string };
  /** `location.host`, `location.origin` and `location.pathname` of the settings page. */
  host: string;
  origin: string;
  pathname: string;
  getConfig(pluginId: string): Record<string, string> | null;
  getProxyConfig(url: string, method: 'POST'): unknown;
  setters: ConfigSetters;
  /** `kintone.proxy`: the relay calls of this screen, each with the key in its own header. */
  proxy: ProxyTransport;
  /** The app's fields (preview form), or null when they cannot be read. */
  fetchFields(): Promise<FieldInfo[] | null>;
  fetchAppName(): Promise<string | null>;
  fetchNewestRecord(): Promise<PreviewSource | null>;
  alert(message: string): void;
  navigate(path: string): void;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}

function loadStoredProxy(host: SettingsHost, config: PluginConfig): StoredProxyConfig {
  if (config.relayUrl === '') return { key: null, data: {} };
  try {
    return readStoredProxyConfig(host.getProxyConfig(notificationsEndpoint(config.relayUrl), 'POST'));
  } catch {
    return { key: null, data: {} };
  }
}

/** Fills every `data-i18n` element of config.html from the catalogue. */
function localize(root: HTMLElement, messages: SettingsCatalogue, language: Language): void {
  root.lang = language;
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = messages[node.dataset.i18n as keyof SettingsCatalogue];
    if (typeof text === 'string') node.textContent = text;
  }
}

export function startSettingsPage(root: HTMLElement, host: SettingsHost): void {
  const language = pickLanguage(host.user.language);
  const messages = settingsMessages[language];
  const rawConfig = host.getConfig(host.pluginId);
  const config = readPluginConfig(rawConfig);
  const stored = loadStoredProxy(host, config);
  const setters = promiseConfigSetters(host.setters);

  // A screen that was never saved starts with one rule to fill in; a saved one shows exactly what was saved.
  const neverSaved = rawConfig === null || rawConfig.rules === undefined;
  const drafts = neverSaved ? [newRuleDraft('r1')] : draftsFromRuleSet(config.ruleSet);
  const state: PageState = {
    relayUrl: config.relayUrl,
    keyInput: '',
    replacingKey: false,
    storedKey: stored.key,
    apiToken: { stored: storedApiToken(stored.data), input: '', mode: 'keep' },
    list: { rules: drafts, selected: drafts.length > 0 ? 0 : -1 },
    fields: null,
    rooms: { kind: 'idle' },
    roomsFor: '',
    problems: [],
    appName: config.appName,
  };

  localize(root, messages, language);
  const notices: string[] = [];
  if (config.rulesUnreadable) notices.push(messages.rulesUnreadable);
  if (config.unknownSchemaVersion) notices.push(messages.unknownSchemaVersion);
  const notice = byId(root, 'settings-notice', HTMLElement);
  const showNotices = () => setText(notice, notices.join(' '));
  showNotices();

  const status = byId(root, 'settings-status', HTMLElement);
  const announce = byId(root, 'settings-announce', HTMLElement);
  const setStatus = (text: string, kind: 'info' | 'error' | 'success' = 'info') => {
    setText(status, text);
    status.dataset.kind = kind;
  };
  const listContainer = byId(root, 'rule-list-container', HTMLElement);
  const editorContainer = byId(root, 'rule-editor-container', HTMLElement);
  let editor: RuleEditor | null = null;

  function currentKey(): string | null {
    const typed = state.keyInput.trim();
    return typed !== '' ? typed : state.storedKey;
  }

  function relay(): RelayClient | null {
    const url = parseRelayUrl(state.relayUrl);
    const key = currentKey();
    if (!url.ok || key === null || !/^[\x21-\x7e]+$/.test(key)) return null;
    return createRelayClient(host.proxy, url.url, key);
  }

  const signature = () => `${parseRelayUrl(state.relayUrl).ok ? state.relayUrl.trim() : ''}\n${currentKey() ?? ''}`;

  const visibleProblems = () => [
    ...problemsAt(state.problems, null),
    ...problemsAt(state.problems, state.list.selected),
  ];
  const refreshProblems = () => applyProblems(root, visibleProblems(), messages);

  function setList(list: RuleListState): void {
    state.list = list;
  }

  function renderList(focus?: string): void {
    listContainer.replaceChildren(ruleList(ctx, listActions));
    refreshProblems();
    if (focus)
      (root.querySelector<HTMLElement>(`#${CSS.escape(focus)}`) ?? byId(root, 'add-rule', HTMLElement)).focus();
  }

  function renderEditor(): void {
    editor = ruleEditor(ctx);
    editorContainer.replaceChildren(editor.element);
    refreshProblems();
    suggestPreviewEvent(root, ctx.selectedRule()?.events ?? []);
  }

  /** Rule indices shift after structural changes, so the rules' problems are dropped (Save finds them again). */
  const dropRuleProblems = () => {
    state.problems = problemsAt(state.problems, null);
  };

  const ctx: PageContext = {
    state,
    messages,
    language,
    user: { code: host.user.code, name: host.user.name },
    appId: host.appId,
    kintoneHost: host.host,
    origin: host.origin,
    pathname: host.pathname,
    selectedRule: () => state.list.rules[state.list.selected],
    updateRule(change) {
      setList(updateRule(state.list, state.list.selected, change));
      if ('name' in change || 'events' in change || 'roomId' in change || 'enabled' in change) {
        const focused = document.activeElement;
        listContainer.replaceChildren(ruleList(ctx, listActions));
        if (focused instanceof HTMLElement && !focused.isConnected) byId(root, 'add-rule', HTMLElement).focus();
        refreshProblems();
      }
    },
    resolve(key, item) {
      const before = state.problems.length;
      const connectionKey = key === 'relayUrl' || key === 'connectionKey' || key === 'apiToken' || key === 'rules';
      state.problems = state.problems.filter(
        (problem) =>
          !(
            problem.key === key &&
            (connectionKey ? problem.rule === undefined : problem.rule === state.list.selected) &&
            (item === undefined || problem.item === item)
          ),
      );
      if (state.problems.length === before) return;
      refreshProblems();
      if (!state.problems.some((problem) => problem.rule === state.list.selected)) {
        listContainer.replaceChildren(ruleList(ctx, listActions));
        refreshProblems();
      }
    },
    relay,
    newestRecord: () => host.fetchNewestRecord().catch(() => null),
    reportProblems: (problems) => showProblems(problems),
  };

  function showProblems(problems: Problem[]): void {
    state.problems = inScreenOrder(problems);
    const first = state.problems[0];
    if (first?.rule !== undefined && first.rule !== state.list.selected) {
      state.list = { ...state.list, selected: first.rule };
      renderEditor();
    }
    renderList();
    if (!first) return;
    const target = root.querySelector<HTMLElement>(`#${CSS.escape(focusId(first))}`);
    // A rejected stored key has no visible input: "Replace key" is where the admin acts.
    if (target && target.offsetParent === null && first.key === 'connectionKey')
      byId(root, 'replace-key', HTMLElement).focus();
    else target?.focus();
  }

  const listActions = {
    select(index: number) {
      setList({ ...state.list, selected: index });
      renderList(`${ruleRowId(index)}-edit`);
      renderEditor();
    },
    add() {
      setList(addRule(state.list, (id) => newRuleDraft(id)));
      renderList();
      renderEditor();
      byId(root, 'rule-name', HTMLElement).focus();
    },
    duplicate(index: number) {
      dropRuleProblems();
      setList(duplicateRule(state.list, index, messages.copySuffix));
      renderList(`${ruleRowId(index + 1)}-edit`);
      renderEditor();
    },
    move(index: number, direction: -1 | 1) {
      dropRuleProblems();
      const rule = state.list.rules[index];
      setList(moveRule(state.list, index, direction));
      const target = index + direction;
      const atEdge = direction === -1 ? target === 0 : target === state.list.rules.length - 1;
      // Focus stays on the same button of the moved rule, unless that button is now disabled.
      renderList(
        `${ruleRowId(target)}-${atEdge ? (direction === -1 ? 'down' : 'up') : direction === -1 ? 'up' : 'down'}`,
      );
      renderEditor();
      if (rule) announce.textContent = messages.ruleMoved(rule.name.trim() || messages.untitled, target + 1);
    },
    remove(index: number) {
      const rule = state.list.rules[index];
      if (!rule) return;
      const name = rule.name.trim() || messages.untitled;
      void confirmDialog({
        title: messages.deleteTitle,
        message: messages.deleteBody(name),
        confirm: messages.deleteConfirm,
        cancel: messages.dialogCancel,
        testid: 'delete-dialog',
      }).then((confirmed) => {
        if (!confirmed) return;
        dropRuleProblems();
        setList(deleteRule(state.list, index));
        const next =
          state.list.rules.length === 0
            ? 'add-rule'
            : `${ruleRowId(Math.min(index, state.list.rules.length - 1))}-delete`;
        renderList(next);
        renderEditor();
        announce.textContent = messages.ruleDeleted(name);
      });
    },
    toggle(index: number, enabled: boolean) {
      setList(updateRule(state.list, index, { enabled }));
      if (index === state.list.selected) {
        const box = root.querySelector<HTMLInputElement>('#rule-enabled');
        if (box) box.checked = enabled;
      }
    },
  };

  // Connection
  const connection = bindConnectionPanel(root, ctx, () => void verify());
  bindApiTokenPanel(root, ctx);

  async function loadRooms(client: RelayClient): Promise<RoomInfo[] | null> {
    const forKey = signature();
    state.rooms = { kind: 'loading' };
    editor?.roomsChanged();
    const answer = await client.rooms();
    state.rooms = answer.ok
      ? { kind: 'ready', rooms: answer.value }
      : { kind: 'failed', message: failureMessage(answer.failure, messages) };
    state.roomsFor = forKey;
    editor?.roomsChanged();
    const focused = document.activeElement;
    listContainer.replaceChildren(ruleList(ctx, listActions));
    if (focused instanceof HTMLElement && !focused.isConnected) byId(root, 'add-rule', HTMLElement).focus();
    refreshProblems();
    return answer.ok ? answer.value : null;
  }

  function connectionInputProblems(): Problem[] {
    return validateSettings(
      { relayUrl: state.relayUrl, keyInput: state.keyInput, hasStoredKey: state.storedKey !== null, rules: [] },
      { fields: null, rooms: null },
    ).problems;
  }

  async function verify(): Promise<void> {
    const local = connectionInputProblems();
    const client = relay();
    if (local.length > 0 || !client) {
      const others = state.problems.filter((problem) => problem.key !== 'relayUrl' && problem.key !== 'connectionKey');
      showProblems([...local, ...others]);
      connection.showResult({ ok: false, text: messages.needConnection });
      return;
    }
    connection.setVerifying(true);
    try {
      const answer = await client.connection();
      connection.showResult(answer);
      state.problems = [
        ...(answer.ok ? [] : connectionProblems(answer.failure)),
        ...state.problems.filter((problem) => problem.key !== 'relayUrl' && problem.key !== 'connectionKey'),
      ];
      refreshProblems();
      if (answer.ok) await loadRooms(client);
    } finally {
      connection.setVerifying(false);
    }
  }

  // Save and cancel
  const form = byId(root, 'k2c-settings-form', HTMLFormElement);
  const saveButton = byId(root, 'save', HTMLButtonElement);
  const cancelButton = byId(root, 'cancel', HTMLButtonElement);
  let saving = false;
  const setBusy = (busy: boolean) => {
    saving = busy;
    saveButton.disabled = busy;
    cancelButton.disabled = busy;
    root.setAttribute('aria-busy', String(busy));
  };

  const fieldsLoaded = host
    .fetchFields()
    .catch(() => null)
    .then((fields) => {
      state.fields = fields;
      if (fields === null) {
        notices.push(messages.fieldsUnavailable);
        showNotices();
      }
    });

  async function save(): Promise<void> {
    setStatus('');
    await fieldsLoaded;
    setStatus(messages.checking);
    // What was checked is what is saved, even if the token input changes while the relay answers.
    const apiToken = state.apiToken;
    const check = await checkBeforeSave(
      {
        relayUrl: state.relayUrl,
        keyInput: state.keyInput,
        hasStoredKey: state.storedKey !== null,
        apiTokenInput: apiTokenInput(apiToken),
        rules: state.list.rules,
      },
      {
        fields: state.fields,
        client: relay(),
        rooms: async () => {
          if (state.rooms.kind === 'ready' && state.roomsFor === signature()) return state.rooms.rooms;
          const client = relay();
          return client ? loadRooms(client) : null;
        },
        onConnection: (answer) => connection.showResult(answer),
      },
    );
    if (check.problems.length > 0) {
      showProblems(check.problems);
      setStatus(messages.fixErrors, 'error');
      return;
    }

    const checked = parseRuleSet(ruleSetFromDrafts(state.list.rules));
    if (!checked.ok) {
      showProblems(problemsFromIssues(checked.issues));
      setStatus(messages.fixErrors, 'error');
      return;
    }
    const relayUrl = check.relayUrl;
    const key = check.typedKey ?? state.storedKey;
    if (relayUrl === null || key === null) return; // validateSettings reported it.
    state.problems = [];
    renderList();

    setStatus(messages.saving);
    const appName = (await host.fetchAppName().catch(() => null)) ?? state.appName;
    await saveSettings(setters, {
      config: writePluginConfig({ relayUrl, ruleSet: checked.value, appName }),
      relayUrl,
      previousRelayUrl: config.relayUrl,
      connectionKey: key,
      // The API token goes into the proxy data only; setConfig (readable by app users) never sees it.
      proxyData: buildProxyData(JSON.stringify(checked.value), host.host, appName, apiTokenToStore(apiToken)),
    });
    setStatus(messages.saved, 'success');
    host.alert(messages.saved);
    host.navigate(appSettingsPath(host.pathname, host.appId));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saving) return;
    setBusy(true);
    save()
      .catch((error: unknown) => setStatus(messages.saveFailed(errorText(error)), 'error'))
      .finally(() => setBusy(false));
  });
  // Enter in a search box filters; it must not save the settings.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'search') {
      event.preventDefault();
    }
  });
  // Cancel touches nothing in kintone: it only goes back to the plug-in list.
  cancelButton.addEventListener('click', () => host.navigate(pluginListPath(host.pathname, host.appId)));

  byId(root, 'preview-container', HTMLElement).replaceChildren(previewPanel(ctx));
  renderList();
  void fieldsLoaded.then(() => renderEditor());
  void host
    .fetchAppName()
    .then((name) => {
      if (name !== null) state.appName = name;
    })
    .catch(() => undefined);
  // A configured screen checks its connection at once: company, plan and rooms are then on screen.
  if (config.relayUrl !== '' && stored.key !== null) void verify();
}
