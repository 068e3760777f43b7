import type { ResolvedMember } from './state';
import type { FakeAccount, FakeRoom } from './types';

/**
 * ChatWork's JSON shapes (RAML traits my_account_response, room_list_response and
 * room_member_list_response), with ChatWork's types: ids are numbers, the rest strings. Fields the
 * fake has no data for get ChatWork's "empty" values, never `null` or a missing key, so a client
 * that reads them sees what it would see for a sparse real profile.
 */

const DEFAULT_AVATAR = 'https://appdata.chatwork.com/avatar/ico_default_blue.png';
const GROUP_ICON = 'https://appdata.chatwork.com/icon/ico_group.png';

export function meJson(account: FakeAccount) {
  const myChat = account.rooms.find((room) => room.type === 'my');
  return {
    account_id: Number(account.accountId),
    // ChatWork always has a my chat; an account configured without one reports 0.
    room_id: myChat ? Number(myChat.roomId) : 0,
    name: account.name,
    chatwork_id: '',
    organization_id: 0,
    organization_name: '',
    department: '',
    title: '',
    url: '',
    introduction: '',
    mail: '',
    tel_organization: '',
    tel_extension: '',
    tel_mobile: '',
    skype: '',
    facebook: '',
    twitter: '',
    avatar_image_url: DEFAULT_AVATAR,
    login_mail: '',
  };
}

export interface RoomActivity {
  messageCount: number;
  /** Epoch ms of the last message, if any. */
  lastMessageAt: number | undefined;
}

export function roomJson(room: FakeRoom, activity: RoomActivity) {
  return {
    room_id: Number(room.roomId),
    name: room.name,
    type: room.type,
    role: room.role,
    sticky: false,
    unread_num: 0,
    mention_num: 0,
    mytask_num: 0,
    message_num: activity.messageCount,
    file_num: 0,
    task_num: 0,
    icon_path: GROUP_ICON,
    // Unix seconds, like every ChatWork timestamp.
    last_update_time: activity.lastMessageAt === undefined ? 0 : Math.floor(activity.lastMessageAt / 1000),
  };
}

export function memberJson(member: ResolvedMember) {
  return {
    account_id: Number(member.accountId),
    role: member.role,
    name: member.name,
    chatwork_id: '',
    organization_id: 0,
    organization_name: '',
    department: '',
    avatar_image_url: DEFAULT_AVATAR,
  };
}
