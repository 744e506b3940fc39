import { createFunction } from '../../core/dispatch';
import { closeYear, rules, saveRule, setVisibility } from './admin';
import { adjust, answerAppeal, ledger, listAppeals, recordFiveOne, reverse } from './manage';
import { appeal, mine, myAppeals, overview } from './member';

/** 积分：我的积分与申诉；书记评定与答复；办公室的规则、关账与可见范围 */
export const pointsFunction = createFunction('points', {
  mine,
  appeal,
  myAppeals,
  overview,
  ledger,
  adjust,
  reverse,
  listAppeals,
  answerAppeal,
  recordFiveOne,
  rules,
  saveRule,
  closeYear,
  setVisibility,
});
