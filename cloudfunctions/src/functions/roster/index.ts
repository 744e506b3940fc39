import { createFunction } from '../../core/dispatch';
import { cleanupImportUploads, commitImport, previewImport } from './import';
import { issueInvite } from './invite';
import { issueInvites } from './invite-batch';
import { importTemplate } from './import-template';
import { auditLog, exportRoster, get, list } from './read';
import { create, retire, setAdmin, unbind, update } from './write';

/** 名册：成员的增改、退出、角色、邀请码、导入与审计日志（管理员；书记限本支部） */
export const rosterFunction = createFunction('roster', {
  list,
  exportRoster,
  get,
  create,
  update,
  retire,
  setAdmin,
  issueInvite,
  issueInvites,
  unbind,
  importTemplate,
  previewImport,
  commitImport,
  cleanupUploads: cleanupImportUploads,
  auditLog,
});
