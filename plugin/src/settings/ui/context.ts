import type { KintoneUser } from '@k2c/rules';
import type { Language, SettingsCatalogue } from '../../i18n/settings-messages';
import type { ApiTokenState } from '../api-token';
import type { FieldInfo } from '../field-catalog';
import type { PreviewSource } from '../preview-request';
import type { RelayClient, RoomInfo } from '../relay-client';
import type { RuleDraft } from '../rule-draft';
import type { RuleListState } from '../rule-list-ops';
import type { Problem, ProblemKey } from '../validation';

export type RoomsStatus =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; rooms: RoomInfo[] }
  | { kind: 'failed'; message: string };

/** Everything the screen shows, in one place; the DOM is drawn from it. */
export interface PageState {
  relayUrl: string;
  /** What is typed in the key input. */
  keyInput: string;
  /** A key is stored and the admin chose "Replace key". */
  replacingKey: boolean;
  storedKey: string | null;
  /** The optional kintone API token: stored, typed, and whether it is kept, replaced or removed. */
  apiToken: ApiTokenState;
  list: RuleListState;
  /** The app's fields; null when they could not be loaded. */
  fields: FieldInfo[] | null;
  rooms: RoomsStatus;
  /** `relayUrl + key` the rooms were loaded with: other values mean the list may be stale. */
  roomsFor: string;
  problems: Problem[];
  appName: string;
}

/** What the screen's parts share: state, texts, and the few actions that cross parts. */
export interface PageContext {
  state: PageState;
  messages: SettingsCatalogue;
  language: Language;
  user: KintoneUser;
  appId: string;
  /** `location.host`, `location.origin` and `location.pathname` of the settings page. */
  kintoneHost: string;
  origin: string;
  pathname: string;
  /** The rule the editor shows. */
  selectedRule(): RuleDraft | undefined;
  /** Changes the selected rule; the rule list follows. */
  updateRule(change: Partial<RuleDraft>): void;
  /** Forgets the problems of a control once the admin has changed it. */
  resolve(key: ProblemKey, item?: number): void;
  /** A relay client for the URL and key on screen; null when either is missing or malformed. */
  relay(): RelayClient | null;
  /** The newest record of the app, for previews; null when there is none or it cannot be read. */
  newestRecord(): Promise<PreviewSource | null>;
  /** Shows problems found outside Save (e.g. by the relay's preview) and focuses the first. */
  reportProblems(problems: Problem[]): void;
}
