// CloudBase 云函数 member 的入口（esbuild 打包为 dist/member/index.js）
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { memberFunction } from '.';

export const main = cloudbaseEntry(memberFunction);
