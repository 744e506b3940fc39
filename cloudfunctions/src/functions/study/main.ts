// CloudBase 云函数 study 的入口（esbuild 打包为 dist/study/index.js）
import { cloudbaseEntry } from '../../adapters/cloudbase';
import { studyFunction } from '.';

export const main = cloudbaseEntry(studyFunction);
