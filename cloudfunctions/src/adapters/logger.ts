import type { Logger } from '../core/ports';

/** 结构化日志写到标准输出/错误（CloudBase 控制台按行收集）。 */
export const consoleLogger: Logger = {
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
};

/** 测试用：收集日志以便断言 */
export function memoryLogger(): Logger & { entries: Array<{ level: string; message: string; fields?: Record<string, unknown> }> } {
  const entries: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  return {
    entries,
    error: (message, fields) => entries.push({ level: 'error', message, fields }),
    info: (message, fields) => entries.push({ level: 'info', message, fields }),
  };
}
