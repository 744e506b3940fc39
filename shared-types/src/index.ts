export * from './errors';
export * from './envelope';
export * from './domain';
export * from './contract';
export * from './validation';
export * from './schemas/common';
export * from './views';
export { normalizeInviteCode, INVITE_ALPHABET } from './schemas/member';
export { phoneSchema } from './schemas/roster';
