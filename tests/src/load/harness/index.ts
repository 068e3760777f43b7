// Shared by the multi-process fault tests (tests/src/load) and `pnpm bench`; nothing here imports vitest.
export {
  answers,
  botAccount,
  type LimitedChatwork,
  MESSAGE_POST_PATH,
  messagesOf,
  relayLimit,
  roomIds,
  SCALED_LIMITS,
  scaledSlackMs,
  startLimitedChatwork,
} from './limited-chatwork';
export { type Exit, type NodeService, type NodeServiceOptions, repoRoot, startNodeService } from './node-service';
export {
  allArrived,
  auditDeliveries,
  countRecords,
  type DeliveryAudit,
  type LoadNotificationInput,
  loadNotification,
  markerOf,
} from './notifications';
export { RelayCluster, type RelayClusterOptions } from './relay-cluster';
export {
  postNotification,
  type SendOptions,
  type SendResult,
  sendNotifications,
  spreadOverRooms,
} from './send-notifications';
