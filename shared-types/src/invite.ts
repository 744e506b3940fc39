/** 邀请码：8 位，去掉易混的 0/O/1/I；输入时忽略空格、横线与大小写。（不依赖 zod，小程序可直接引用） */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const normalizeInviteCode = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase();
