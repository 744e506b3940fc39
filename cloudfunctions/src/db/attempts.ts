import { sql, type Transaction } from 'kysely';
import { BIND_WINDOW_MS, bindLockedUntil } from '../domain/invite';
import type { DB } from './connect';
import type { Database } from './schema';

/**
 * 尝试次数的限制（绑定邀请码、六位数字码）要在并发下也成立：“数一数最近失败了几次、判这一次、判错就记一次失败”
 * 必须对同一个对象串行，否则 100 个同时到的尝试都数到 0 次、都被判了。这里在事务里先拿一把按对象取的
 * 事务级咨询锁（pg_advisory_xact_lock，事务结束自动释放），同一对象的尝试排队，不同对象互不影响。
 * 锁键是对象字符串的 64 位哈希：偶有碰撞只会让两个对象多排一次队。
 */
export async function withAttemptLock<T>(db: DB, subject: string, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`attempts:${subject}`}, 0))`.execute(trx);
    return fn(trx);
  });
}

/**
 * 用邀请码绑定微信的一轮尝试（委员、承办单位工作人员共用）：同一微信的尝试在一把锁下排队；窗口内失败够多就不再判
 * （交回 locked 与解锁时刻）；否则交给 attempt 核对邀请码并写入绑定，判错时由它调用 failed(原因)——失败记在
 * bind_attempt 里，与锁同一事务提交。把结果变成答复（错误码）是调用方的事：两种身份的失败原因不全相同。
 */
export async function withBindAttempt<T extends object, F extends string>(
  db: DB,
  openid: string,
  now: Date,
  /** 记在 bind_attempt.reason 前面，分开两种身份的失败（委员为空串，单位为 'unit:'） */
  reasonPrefix: string,
  attempt: (trx: Transaction<Database>, failed: (error: F) => Promise<{ error: F }>) => Promise<T | { error: F }>,
): Promise<T | { error: F } | { error: 'locked'; lockedUntil: Date }> {
  return withAttemptLock(db, `bind:${openid}`, async (trx) => {
    const failures = await trx
      .selectFrom('bind_attempt')
      .select('at')
      .where('openid', '=', openid)
      .where('at', '>', new Date(now.getTime() - BIND_WINDOW_MS))
      .execute();
    const lockedUntil = bindLockedUntil(
      failures.map((f) => new Date(f.at)),
      now,
    );
    if (lockedUntil) return { error: 'locked' as const, lockedUntil };
    const failed = async (error: F) => {
      await trx
        .insertInto('bind_attempt')
        .values({ openid, at: now, reason: `${reasonPrefix}${error}` })
        .execute();
      return { error };
    };
    return attempt(trx, failed);
  });
}

export interface AttemptLimit {
  max: number;
  windowMs: number;
}

/**
 * 六位数字码：同一人同一场活动，窗口内失败满 max 次就不再判（limited）；否则判一次，判错记一次失败（wrong）。
 * 判对（ok）什么也不写，之后的签到照常走。
 */
export async function judgeCheckinCode(
  db: DB,
  who: { orgId: string; eventId: string; memberId: string; at: Date },
  limit: AttemptLimit,
  matches: () => boolean,
): Promise<'ok' | 'wrong' | 'limited'> {
  return withAttemptLock(db, `checkin-code:${who.orgId}:${who.eventId}:${who.memberId}`, async (trx) => {
    const failures = await trx
      .selectFrom('checkin_attempt')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', who.orgId)
      .where('event_id', '=', who.eventId)
      .where('member_id', '=', who.memberId)
      .where('at', '>', new Date(who.at.getTime() - limit.windowMs))
      .executeTakeFirstOrThrow();
    if (Number(failures.n) >= limit.max) return 'limited';
    if (matches()) return 'ok';
    await trx.insertInto('checkin_attempt').values({ org_id: who.orgId, event_id: who.eventId, member_id: who.memberId, at: who.at }).execute();
    return 'wrong';
  });
}
