import { z } from 'zod';
import { type Envelope, type TickResult, fail, ok } from '@tongxin/shared-types';
import { fixedClock } from '../adapters/clock';
import type { Deps } from '../core/action';
import type { LocalSenderHooks } from '../adapters/senders-local';
import { reminderPorts } from '../functions/reminders/ports';
import { runTick } from '../functions/reminders/tick';

/** GET /api/dev/outbox[?limit=100]：本地发件箱（新的在前），即本该发往微信、短信的消息 */
export async function devOutbox(deps: Deps, params: URLSearchParams) {
  const limit = Math.min(Math.max(Number(params.get('limit') ?? 100) || 100, 1), 1000);
  const rows = await deps.db.selectFrom('dev_outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), sent_at: new Date(r.sent_at).toISOString() }));
}

const tickInput = z.strictObject({ at: z.iso.datetime({ offset: true }).optional() }).optional();

/** POST /api/dev/tick {"at":"2026-12-02T14:30:00+08:00"}：把时钟定在 at，跑一轮定时器（缺省为现在） */
export async function devTick(deps: Deps, body: unknown): Promise<Envelope<TickResult>> {
  const parsed = tickInput.safeParse(body);
  if (!parsed.success) return fail('INVALID_PARAMETER#FIELD', { detail: '「at」应为带时区的时间，如 2026-12-02T14:30:00+08:00' });
  const clock = parsed.data?.at ? fixedClock(parsed.data.at) : deps.clock;
  return ok(await runTick({ ...deps, clock }));
}

const sendersInput = z.strictObject({
  latencyMs: z.number().int().min(0).max(10_000).optional(),
  crashAfter: z.number().int().min(0).nullable().optional(),
  refuse: z.array(z.string()).max(1000).optional(),
  failPhones: z.array(z.string()).max(1000).optional(),
});

/** POST /api/dev/senders：本地发送器的测试开关（模拟延迟、发了 k 条后死掉、拒收的 openid、失败的号码） */
export function devSenders(deps: Deps, body: unknown): Envelope<{ latencyMs: number; crashAfter: number | null }> {
  const hooks = (reminderPorts(deps) as { hooks?: LocalSenderHooks }).hooks;
  const parsed = sendersInput.safeParse(body ?? {});
  if (!hooks || !parsed.success) return fail('INVALID_PARAMETER#FIELD', { detail: '发送器开关的格式不正确' });
  const v = parsed.data;
  if (v.latencyMs !== undefined) hooks.latencyMs = v.latencyMs;
  if (v.crashAfter !== undefined) {
    hooks.crashAfter = v.crashAfter;
    hooks.count = 0;
  }
  if (v.refuse) hooks.refuse = new Set(v.refuse);
  if (v.failPhones) hooks.failPhones = new Set(v.failPhones);
  return ok({ latencyMs: hooks.latencyMs, crashAfter: hooks.crashAfter });
}
