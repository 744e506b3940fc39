// CloudBase 云函数 event 的入口
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { eventFunction } from '.';

export const main = cloudbaseEntry(eventFunction);
