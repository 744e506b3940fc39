import { createFunction } from '../../core/dispatch';
import { answerFeedback, feedbackList, myFeedback, sendFeedback } from './feedback';
import { answerInvite, attachment, candidates, get, invite, mine, published, rate, saveDraft, submit, withdraw } from './member';
import { adopt, archive, assign, chase, convert, file, instruct, markExcellent, markKey, queue, reject } from './office';
import { exportList, stats } from './report';
import { addUnitStaff, bindUnit, issueUnitInvite, meet, reply, saveUnit, unitAttachment, unitGet, unitList, unitMe, units } from './units';

/** 建言：提案、社情民意、意见建议（起草、联名、审查、交办、答复、评价、采用与批示）、承办单位、统计与导出，以及投诉建议 */
export const suggestionsFunction = createFunction('suggestions', {
  saveDraft,
  submit,
  withdraw,
  mine,
  published,
  get,
  attachment,
  candidates,
  invite,
  answerInvite,
  rate,
  queue,
  file,
  reject,
  convert,
  assign,
  chase,
  markKey,
  markExcellent,
  adopt,
  archive,
  instruct,
  exportList,
  stats,
  units,
  saveUnit,
  addUnitStaff,
  issueUnitInvite,
  bindUnit,
  unitMe,
  unitList,
  unitGet,
  unitAttachment,
  reply,
  meet,
  sendFeedback,
  myFeedback,
  feedbackList,
  answerFeedback,
});
