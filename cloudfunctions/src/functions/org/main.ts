// CloudBase 云函数 org 的入口
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { orgFunction } from '.';

export const main = cloudbaseEntry(orgFunction);
