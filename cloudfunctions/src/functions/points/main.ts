// CloudBase 云函数 points 的入口
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { pointsFunction } from '.';

export const main = cloudbaseEntry(pointsFunction);
