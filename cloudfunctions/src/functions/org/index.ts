import { createFunction } from '../../core/dispatch';
import { closeBranch, createUnit, mergeBranches, saveGroup, tree, updateUnit } from './actions';
import { openTemporaryBranch } from './temporary';

/** 组织结构：党组织树、临时党支部的开设/撤销/合并、专委会与界别 */
export const orgFunction = createFunction('org', { tree, createUnit, updateUnit, openTemporaryBranch, closeBranch, mergeBranches, saveGroup });
