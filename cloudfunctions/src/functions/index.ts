import type { CloudFunction } from '../core/dispatch';
import { eventFunction } from './event';
import { homeFunction } from './home';
import { memberFunction } from './member';
import { orgFunction } from './org';
import { pointsFunction } from './points';
import { remindersFunction } from './reminders';
import { rosterFunction } from './roster';
import { suggestionsFunction } from './suggestions';
import { studyFunction } from './study';

/** 所有云函数：本地宿主按名字路由，构建脚本为每个生成一个可部署目录。 */
export const functions: Record<string, CloudFunction> = {
  member: memberFunction,
  roster: rosterFunction,
  org: orgFunction,
  points: pointsFunction,
  event: eventFunction,
  home: homeFunction,
  suggestions: suggestionsFunction,
  study: studyFunction,
  reminders: remindersFunction,
};
