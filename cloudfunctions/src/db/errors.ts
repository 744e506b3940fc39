import { AppError } from '@tongxin/shared-types';
import { yearOf } from '../domain/points';

/** PostgreSQL 唯一约束冲突（可指定约束名） */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}

/** award_points 数据库函数抛出的业务错误（RAISE ... USING ERRCODE P0001，消息是错误码）→ AppError */
export function mapAwardError(req: { at: Date; ruleCode: string; year?: number }) {
  return (err: { code?: string; message?: string }): never => {
    if (err?.code === 'P0001' && err.message === 'POINTS.YEAR_CLOSED') throw new AppError('POINTS.YEAR_CLOSED', { year: req.year ?? yearOf(req.at) });
    if (err?.code === 'P0001' && err.message === 'POINTS.RULE_NOT_FOUND') throw new AppError('POINTS.RULE_NOT_FOUND', { ruleCode: req.ruleCode });
    throw err;
  };
}
