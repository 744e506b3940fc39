export * from './errors';
export * from './envelope';
export * from './domain';
export * from './contract';
export * from './validation';
export * from './schemas/common';
