import { contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { createFunction } from '../../core/dispatch';
import { loadTodos } from '../../hub/todos';

/** 首页：我的待办，最急的在前（书记还有待审批的请假、待答复的申诉，以及各活动的请假角标） */
const todos = defineAction({
  input: contract.home.todos,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }) => loadTodos(deps.db, actor, deps.clock.now()),
});

export const homeFunction = createFunction('home', { todos });
