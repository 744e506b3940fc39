// CloudBase 云函数 home 的入口（esbuild 打包为 dist/home/index.js）
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { homeFunction } from '.';

export const main = cloudbaseEntry(homeFunction);
