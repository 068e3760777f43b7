import { sendTestAndWait } from '../delivery-poll';
import { deliveryErrorMessage, failureMessage } from '../messages-for';
import { IDS } from '../problem-targets';
import type { RoomInfo } from '../relay-client';
import { canPost, filterRooms, findRoom } from '../room-filter';
import type { PageContext } from './context';
import { h, setText } from './dom';
import { describedBy, errorSlot } from './problems';

const ROOM_ID = /^[1-9]\d{0,19}$/;

export interface RoomPicker {
  element: HTMLElement;
  /** Redraws the list after the rooms were (re)loaded. */
  refresh(): void;
}

/**
 * Choose the rule's room from the account's rooms (search by name or id, a native listbox so the
 * arrow keys work) or type its id; readonly rooms are listed but cannot be chosen. Also the
 * "test send" to the chosen room.
 */
export function roomPicker(ctx: PageContext): RoomPicker {
  const { messages } = ctx;
  const roomType = (room: RoomInfo) => messages.roomTypes[room.type] ?? room.type;

  const search = h('input', {
    id: 'room-search',
    'data-testid': 'room-search',
    class: 'kintoneplugin-input-text',
    type: 'search',
    autocomplete: 'off',
    placeholder: messages.roomSearchPlaceholder,
  });
  const list = h('select', {
    id: 'room-list',
    'data-testid': 'room-list',
    class: 'k2c-room-list',
    size: 6,
  });
  const listNote = h('p', { class: 'kintoneplugin-desc k2c-room-note', 'data-testid': 'room-note', role: 'status' });
  const roomId = h('input', {
    id: IDS.roomId,
    'data-testid': IDS.roomId,
    class: 'kintoneplugin-input-text k2c-room-id',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${describedBy(IDS.roomId)} room-chosen`,
    value: ctx.selectedRule()?.roomId ?? '',
  });
  const chosen = h('p', { id: 'room-chosen', 'data-testid': 'room-chosen', class: 'k2c-room-chosen' });
  const listBlock = h(
    'div',
    { class: 'k2c-room-browser' },
    h('label', { class: 'k2c-sublabel', for: 'room-search', text: messages.roomSearchLabel }),
    h('div', { class: 'kintoneplugin-input-outer' }, search),
    h('label', { class: 'k2c-sublabel', for: 'room-list', text: messages.roomListLabel }),
    list,
  );

  function rooms(): RoomInfo[] | null {
    return ctx.state.rooms.kind === 'ready' ? ctx.state.rooms.rooms : null;
  }

  function showChosen(): void {
    const id = roomId.value.trim();
    const room = findRoom(rooms(), id);
    if (room) {
      chosen.textContent = messages.roomChosen(room.name, roomType(room));
      chosen.dataset.kind = canPost(room) ? 'ok' : 'warning';
    } else if (id !== '' && rooms() !== null) {
      chosen.textContent = messages.roomNotInList;
      chosen.dataset.kind = 'warning';
    } else {
      chosen.textContent = '';
      delete chosen.dataset.kind;
    }
    chosen.hidden = chosen.textContent === '';
  }

  function drawList(): void {
    const status = ctx.state.rooms;
    listBlock.hidden = status.kind !== 'ready';
    if (status.kind === 'idle') setText(listNote, messages.roomsNotLoaded);
    else if (status.kind === 'loading') setText(listNote, messages.roomsLoading);
    else if (status.kind === 'failed') setText(listNote, messages.roomsUnavailable(status.message));
    if (status.kind !== 'ready') return;
    const matches = filterRooms(status.rooms, search.value);
    const current = roomId.value.trim();
    list.replaceChildren(
      ...matches.map((room) => {
        const label = messages.roomOption(room.name, roomType(room), room.roomId);
        const writable = canPost(room);
        return h('option', {
          value: room.roomId,
          text: writable ? label : `${label} — ${messages.roomReadonly}`,
          disabled: !writable,
          selected: room.roomId === current,
          'data-role': room.role,
        });
      }),
    );
    setText(listNote, matches.length === 0 ? messages.roomsNoMatch : '');
    showChosen();
  }

  function setRoom(id: string): void {
    ctx.updateRule({ roomId: id });
    ctx.resolve('room');
    showChosen();
  }

  search.addEventListener('input', drawList);
  list.addEventListener('change', () => {
    if (list.value === '') return;
    roomId.value = list.value;
    setRoom(list.value);
  });
  roomId.addEventListener('input', () => {
    setRoom(roomId.value.trim());
    const match = [...list.options].find((option) => option.value === roomId.value.trim());
    list.value = match ? match.value : '';
  });

  // Test send
  const testButton = h('button', {
    type: 'button',
    id: 'test-send',
    'data-testid': 'test-send',
    class: 'kintoneplugin-button-normal k2c-button-small',
    text: messages.testSend,
  });
  const testStatus = h('p', {
    id: 'test-send-status',
    'data-testid': 'test-send-status',
    class: 'k2c-inline-status',
    role: 'status',
    'aria-live': 'polite',
    hidden: true,
  });
  const showTest = (text: string, kind: 'info' | 'success' | 'error') => {
    setText(testStatus, text);
    testStatus.dataset.kind = kind;
  };
  testButton.addEventListener('click', () => {
    const id = roomId.value.trim();
    if (!ROOM_ID.test(id)) {
      showTest(messages.testNeedRoom, 'error');
      return;
    }
    const client = ctx.relay();
    if (!client) {
      showTest(messages.needConnection, 'error');
      return;
    }
    testButton.disabled = true;
    showTest(messages.testSending, 'info');
    void sendTestAndWait(client, id, ctx.state.appName, {
      onStatus: (status) => showTest(messages.testStatus(status), 'info'),
    })
      .then((outcome) => {
        if (outcome.kind === 'delivered') showTest(messages.testDelivered, 'success');
        else if (outcome.kind === 'failed')
          showTest(messages.testFailed(deliveryErrorMessage(outcome.delivery.error, messages)), 'error');
        else if (outcome.kind === 'rejected')
          showTest(messages.testFailed(failureMessage(outcome.failure, messages)), 'error');
        else showTest(messages.testPending, 'info');
      })
      .finally(() => {
        testButton.disabled = false;
      });
  });

  const element = h(
    'fieldset',
    { class: 'kintoneplugin-row k2c-fieldset k2c-room-picker', 'aria-describedby': 'room-help' },
    h(
      'legend',
      { class: 'kintoneplugin-label' },
      messages.roomLabel,
      h('span', { class: 'kintoneplugin-require', 'aria-hidden': 'true', text: '*' }),
    ),
    h('p', { id: 'room-help', class: 'kintoneplugin-desc', text: messages.roomHelp }),
    h(
      'div',
      { class: 'k2c-room-columns' },
      h('div', {}, listNote, listBlock),
      h(
        'div',
        {},
        h('label', { class: 'k2c-sublabel', for: IDS.roomId, text: messages.roomIdLabel }),
        h('p', { id: `${IDS.roomId}-help`, class: 'kintoneplugin-desc', text: messages.roomIdHelp }),
        h('div', { class: 'kintoneplugin-input-outer' }, roomId),
        chosen,
        errorSlot(IDS.roomId),
        h('div', { class: 'k2c-spaced' }, testButton),
        testStatus,
      ),
    ),
  );
  drawList();
  return { element, refresh: drawList };
}
