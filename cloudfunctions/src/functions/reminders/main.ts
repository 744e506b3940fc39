// CloudBase 云函数 reminders 的入口（esbuild 打包为 dist/reminders/index.js）：定时触发时跑一轮提醒，其余是普通的操作
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { remindersFunction } from '.';
import { runTick } from './tick';

export const main = cloudbaseEntry(remindersFunction, { reminders: true, onTimer: (deps) => runTick(deps) });
