// CloudBase 云函数 roster 的入口
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { rosterFunction } from '.';

export const main = cloudbaseEntry(rosterFunction);
