import { createFunction } from '../../core/dispatch';
import { attendance, exportAttendance, exportDualLife, finalize } from './attendance';
import { checkin, checkinByCode, proxyCheckin } from './checkin';
import { confirmBackfill, confirmOffline } from './confirm';
import { decideLeave, requestLeave, withdrawLeave } from './leave';
import { cancel, create, list, update } from './manage';
import { get, markRead, notes, notifications, upcoming, writeNote } from './member';
import { deleteSpeech, record, saveRecord, saveSpeech } from './minutes';
import { rollCall, rollCallNote } from './rollcall';
import { screen } from './screen';

/** 会议活动与签到：组织、签到大屏、扫码/数字码/代签、请假与撤回、名单与导出、随机点名、会议记录、学习心得、通知 */
export const eventFunction = createFunction('event', {
  create,
  update,
  cancel,
  get,
  list,
  upcoming,
  screen,
  checkin,
  checkinByCode,
  proxyCheckin,
  requestLeave,
  decideLeave,
  withdrawLeave,
  attendance,
  exportAttendance,
  exportDualLife,
  rollCall,
  rollCallNote,
  finalize,
  confirmOffline,
  confirmBackfill,
  writeNote,
  notes,
  notifications,
  markRead,
  record,
  saveRecord,
  saveSpeech,
  deleteSpeech,
});
