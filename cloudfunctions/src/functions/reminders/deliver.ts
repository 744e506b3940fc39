import type { UnreachedReason } from '@tongxin/shared-types';
import { sql } from 'kysely';
import type { Deps } from '../../core/action';
import type { ReminderPorts } from '../../core/ports';
import type { DB } from '../../db/connect';
import { type ReminderPayload, chooseChannel, monthKey, smsParams, templateData } from '../../domain/reminders';
import { SMS_SETTING_KEY } from './ports';
import { runPool } from './pool';

/**
 * 投递：领一批待发的行（状态改为“发送中”并带租约，FOR UPDATE SKIP LOCKED：同时运行的两轮各领各的，不会领到同一行），
 * 按渠道规则（domain/reminders 的 chooseChannel）发订阅消息或短信，每发完一条就记下结果。
 * 运行中途死掉时，已发的已记下；没记下的行留在“发送中”，租约过后下一轮重新领。
 */

export interface DeliverOptions {
  /** 真实时间（Date.now()）过了它就不再领新的活：函数一次至多运行 60 秒 */
  stopAt: number;
  /** 同时发送的条数 */
  concurrency?: number;
  /** 每批领多少行 */
  batchSize?: number;
  /** 租约：领走的行在这之后仍未记下结果，视为那一轮死了 */
  leaseMs?: number;
  /** 只投这些行（组织者的“重新提醒”） */
  only?: { orgId: string; ids: string[] };
}

export interface DeliverResult {
  sent: number;
  unreached: number;
  /** 发送器说不清发没发（抛出）而中止时的错误 */
  aborted?: string;
}

export const DEFAULT_CONCURRENCY = 20;
export const LEASE_MS = 2 * 60_000;

interface ClaimedRow {
  org_id: string;
  id: string;
  member_id: string;
  kind: string;
  template_key: keyof ReminderPorts['templates'];
  payload: ReminderPayload;
  /** 'subscribe'：订阅额度在之前的一轮已经扣过 */
  channel: 'subscribe' | 'sms' | null;
  openid: string | null;
  remaining: number;
  refused: boolean;
  sms_opt_in: boolean;
  sms_phone: string | null;
  office_sms: boolean;
  member_phone: string | null;
  sms_enabled: boolean;
  monthly_budget: number | null;
}

type Outcome = { status: 'sent'; channel: 'subscribe' | 'sms' } | { status: 'unreached'; reason: UnreachedReason; channel?: 'subscribe' | 'sms' | null };

async function claim(db: DB, now: Date, limit: number, leaseMs: number, only?: DeliverOptions['only']): Promise<ClaimedRow[]> {
  const restrict = only ? sql`AND org_id = ${only.orgId} AND id = ANY(${only.ids}::uuid[])` : sql``;
  const { rows } = await sql<ClaimedRow>`
    WITH picked AS (
      SELECT org_id, id FROM delivery
      WHERE (status = 'pending' OR (status = 'sending' AND lease_until < ${now})) ${restrict}
      ORDER BY created_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE delivery d SET status = 'sending', lease_until = ${new Date(now.getTime() + leaseMs)}, attempts = d.attempts + 1, updated_at = ${now}
      FROM picked p WHERE d.org_id = p.org_id AND d.id = p.id
      RETURNING d.org_id, d.id, d.member_id, d.kind, d.template_key, d.payload, d.channel
    )
    SELECT c.*,
      (SELECT b.openid FROM wx_binding b WHERE b.org_id = c.org_id AND b.member_id = c.member_id ORDER BY b.bound_at DESC LIMIT 1) AS openid,
      coalesce(s.remaining, 0) AS remaining,
      (s.refused_at IS NOT NULL) AS refused,
      coalesce(k.sms_opt_in, false) AS sms_opt_in,
      k.sms_phone,
      coalesce(k.office_sms, false) AS office_sms,
      m.phone AS member_phone,
      coalesce((o.value->>'enabled')::boolean, false) AS sms_enabled,
      (o.value->>'monthlyBudget')::int AS monthly_budget
    FROM claimed c
    JOIN member m ON m.org_id = c.org_id AND m.id = c.member_id
    LEFT JOIN reminder_subscription s ON s.org_id = c.org_id AND s.member_id = c.member_id AND s.template_key = c.template_key
    LEFT JOIN reminder_contact k ON k.org_id = c.org_id AND k.member_id = c.member_id
    LEFT JOIN org_setting o ON o.org_id = c.org_id AND o.key = ${SMS_SETTING_KEY}
  `.execute(db);
  return rows.map((r) => ({ ...r, remaining: Number(r.remaining), payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
}

/** 记下一条或几条的结果（只改仍在“发送中”的行） */
async function mark(db: DB, rows: ReadonlyArray<Pick<ClaimedRow, 'org_id' | 'id'>>, outcome: Outcome, at: Date): Promise<void> {
  if (rows.length === 0) return;
  await db
    .updateTable('delivery')
    .set({
      status: outcome.status,
      channel: outcome.channel ?? null,
      reason: outcome.status === 'unreached' ? outcome.reason : null,
      sent_at: outcome.status === 'sent' ? at : null,
      lease_until: null,
      updated_at: at,
    })
    .where('org_id', 'in', [...new Set(rows.map((r) => r.org_id))])
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .where('status', '=', 'sending')
    .execute();
}

/**
 * 结果先攒一小会儿再记（同样结果的一条 UPDATE）：每条一次提交时，写库会压过发送本身（1000 条时慢三成）。
 * 攒够 flushSize 条或过了 flushMs 就记；发送器抛出、一批结束时立即记。代价：进程在两次记之间被杀，
 * 这至多 flushMs 里发出的几条会在租约过后再发一次（发送器说不清发没发时本来就只能如此）。
 */
class MarkBuffer {
  private pending: Array<{ row: Pick<ClaimedRow, 'org_id' | 'id'>; outcome: Outcome; at: Date }> = [];
  private timer: NodeJS.Timeout | undefined;
  private inflight = new Set<Promise<void>>();
  constructor(
    private readonly db: DB,
    private readonly flushSize: number,
    private readonly flushMs = 50,
  ) {}

  async add(row: Pick<ClaimedRow, 'org_id' | 'id'>, outcome: Outcome, at: Date): Promise<void> {
    this.pending.push({ row, outcome, at });
    if (this.pending.length >= this.flushSize) await this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const items = this.pending;
    this.pending = [];
    const groups = new Map<string, typeof items>();
    for (const item of items) {
      const key = JSON.stringify(item.outcome);
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const work = Promise.all(
      [...groups.values()].map((g) =>
        mark(
          this.db,
          g.map((x) => x.row),
          g[0].outcome,
          g[g.length - 1].at,
        ),
      ),
    ).then(() => undefined);
    this.inflight.add(work);
    try {
      await work;
    } finally {
      this.inflight.delete(work);
    }
  }

  /** 记下攒着的与正在记的 */
  async drain(): Promise<void> {
    await this.flush();
    await Promise.all([...this.inflight]);
  }
}

/**
 * 给一批行扣订阅额度（一条语句），并在这些投递行上记下“已扣”：中途死掉重来时不会再扣一次。
 * 同一人同一类模板在一批里出现几次（如同时到期的必学篇目与测试），额度够几次就扣几次、发几条；不够的行改走别的渠道。
 * 先锁住额度行读出当时的余额（并发的另一轮要等这一句提交），再按余额与要的条数扣。返回扣到了额度的投递行 id。
 */
async function takeQuotas(db: DB, rows: readonly ClaimedRow[], at: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: taken } = await sql<{ id: string }>`
    WITH want AS (
      SELECT w.*, row_number() OVER (PARTITION BY w.org_id, w.member_id, w.template_key ORDER BY w.delivery_id) AS k
      FROM unnest(${rows.map((r) => r.org_id)}::uuid[], ${rows.map((r) => r.member_id)}::uuid[], ${rows.map((r) => r.template_key)}::text[], ${rows.map((r) => r.id)}::uuid[])
        AS w(org_id, member_id, template_key, delivery_id)
    ), need AS (
      SELECT org_id, member_id, template_key, count(*) AS n FROM want GROUP BY org_id, member_id, template_key
    ), cur AS (
      SELECT s.org_id, s.member_id, s.template_key, LEAST(s.remaining, n.n) AS take
      FROM reminder_subscription s
      JOIN need n ON n.org_id = s.org_id AND n.member_id = s.member_id AND n.template_key = s.template_key
      WHERE s.remaining > 0 AND s.refused_at IS NULL
      FOR UPDATE OF s
    ), q AS (
      UPDATE reminder_subscription s SET remaining = s.remaining - c.take, updated_at = ${at}
      FROM cur c
      WHERE s.org_id = c.org_id AND s.member_id = c.member_id AND s.template_key = c.template_key
      RETURNING c.org_id, c.member_id, c.template_key, c.take
    )
    UPDATE delivery d SET channel = 'subscribe'
    FROM want w JOIN q ON q.org_id = w.org_id AND q.member_id = w.member_id AND q.template_key = w.template_key
    WHERE w.k <= q.take AND d.org_id = w.org_id AND d.id = w.delivery_id
    RETURNING d.id
  `.execute(db);
  return new Set(taken.map((r) => r.id));
}

async function setSubscription(db: DB, row: ClaimedRow, change: 'refused' | 'restore', at: Date): Promise<void> {
  const q = db
    .updateTable('reminder_subscription')
    .where('org_id', '=', row.org_id)
    .where('member_id', '=', row.member_id)
    .where('template_key', '=', row.template_key);
  if (change === 'refused') await q.set({ remaining: 0, refused_at: at, updated_at: at }).execute();
  else await q.set((eb) => ({ remaining: eb('remaining', '+', 1), updated_at: at })).execute();
}

/**
 * 按预算预留短信条数（原子）：本月已用 + 这次 ≤ 预算；不够时只给剩下的。预算为 null 不限。
 */
async function reserveSms(db: DB, orgId: string, month: string, want: number, budget: number | null): Promise<number> {
  await db
    .insertInto('sms_usage')
    .values({ org_id: orgId, month })
    .onConflict((oc) => oc.columns(['org_id', 'month']).doNothing())
    .execute();
  const cap = budget ?? 2_000_000_000;
  const { rows } = await sql<{ granted: number }>`
    WITH old AS (SELECT used FROM sms_usage WHERE org_id = ${orgId} AND month = ${month} FOR UPDATE)
    UPDATE sms_usage u SET used = u.used + LEAST(${want}::int, GREATEST(${cap}::int - u.used, 0))
    FROM old WHERE u.org_id = ${orgId} AND u.month = ${month}
    RETURNING u.used - old.used AS granted
  `.execute(db);
  return Number(rows[0]?.granted ?? 0);
}

interface SmsItem {
  row: ClaimedRow;
  phone: string;
}

async function sendSmsGroup(deps: Deps, ports: ReminderPorts, items: SmsItem[], result: DeliverResult): Promise<void> {
  const now = deps.clock.now();
  const first = items[0].row;
  const granted = await reserveSms(deps.db, first.org_id, monthKey(now), items.length, first.monthly_budget);
  const over = items.slice(granted);
  await mark(
    deps.db,
    over.map((i) => i.row),
    { status: 'unreached', reason: 'budget_exhausted', channel: 'sms' },
    now,
  );
  result.unreached += over.length;
  const allowed = items.slice(0, granted);
  for (let i = 0; i < allowed.length; i += 200) {
    const chunk = allowed.slice(i, i + 200);
    const res = await ports.sms.send({
      orgId: first.org_id,
      templateId: ports.smsTemplates[first.template_key],
      params: smsParams(first.payload),
      recipients: chunk.map((c) => ({ phone: c.phone, deliveryId: c.row.id })),
    });
    const at = deps.clock.now();
    const ok = chunk.filter((_, j) => res[j]?.ok);
    const failed = chunk.filter((_, j) => !res[j]?.ok);
    await mark(
      deps.db,
      ok.map((c) => c.row),
      { status: 'sent', channel: 'sms' },
      at,
    );
    await mark(
      deps.db,
      failed.map((c) => c.row),
      { status: 'unreached', reason: 'sms_failed', channel: 'sms' },
      at,
    );
    result.sent += ok.length;
    result.unreached += failed.length;
  }
}

/** 投递待发的行，直到没有了或到了 stopAt */
export async function deliverPending(deps: Deps, ports: ReminderPorts, options: DeliverOptions): Promise<DeliverResult> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const batchSize = options.batchSize ?? concurrency * 10;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const result: DeliverResult = { sent: 0, unreached: 0 };
  const timeUp = () => Date.now() >= options.stopAt;

  const reachOf = (row: ClaimedRow) => ({
    openid: row.openid,
    quota: row.remaining,
    refused: row.refused,
    smsOptInPhone: row.sms_opt_in ? row.sms_phone : null,
    officeSmsPhone: row.office_sms ? (row.member_phone ?? '') : null,
    smsAvailable: row.sms_enabled && ports.sms.configured,
  });
  /** 领一批，并一次扣好其中走订阅消息的额度（整批一条语句），发送时每条只剩“发、记” */
  const prepare = async () => {
    if (timeUp()) return { rows: [] as ClaimedRow[], taken: new Set<string>() };
    const rows = await claim(deps.db, deps.clock.now(), batchSize, leaseMs, options.only);
    const taken = await takeQuotas(
      deps.db,
      rows.filter((r) => r.channel !== 'subscribe' && chooseChannel(reachOf(r)).channel === 'subscribe'),
      deps.clock.now(),
    );
    return { rows, taken };
  };

  // 下一批在这一批发送时就领好（流水线）：批与批之间不空等数据库
  let upcoming = prepare();
  for (;;) {
    const { rows, taken } = await upcoming;
    if (rows.length === 0) break;
    upcoming = prepare();
    const sms: SmsItem[] = [];
    const marks = new MarkBuffer(deps.db, concurrency);
    const deliverOne = async (row: ClaimedRow): Promise<void> => {
      const at = deps.clock.now();
      const reach = reachOf(row);
      const hasQuota = (row.channel === 'subscribe' || taken.has(row.id)) && row.openid;
      let choice = hasQuota ? ({ channel: 'subscribe', openid: row.openid! } as const) : chooseChannel({ ...reach, quota: 0 });
      if (choice.channel === 'subscribe') {
        const template = ports.templates[row.template_key];
        const sent = await ports.subscribe.send({
          orgId: row.org_id,
          deliveryId: row.id,
          touser: choice.openid,
          templateId: template.id,
          page: row.payload.page.replace(/^\//, ''),
          data: templateData(template.fields, row.payload),
        });
        if (sent.status === 'sent') {
          await marks.add(row, { status: 'sent', channel: 'subscribe' }, deps.clock.now());
          result.sent++;
          return;
        }
        if (sent.status === 'failed') {
          await setSubscription(deps.db, row, 'restore', at);
          await marks.add(row, { status: 'unreached', reason: 'send_failed', channel: 'subscribe' }, deps.clock.now());
          result.unreached++;
          return;
        }
        // 拒收：记下，不再走订阅消息；开通了短信的改发短信
        await setSubscription(deps.db, row, 'refused', at);
        choice = chooseChannel({ ...reach, quota: 0, refused: true });
      }
      if (choice.channel === 'sms') {
        sms.push({ row, phone: choice.phone });
        return;
      }
      // chooseChannel 在拒收之后不会再给出订阅消息
      const reason = choice.channel === null ? choice.reason : 'refused';
      await marks.add(row, { status: 'unreached', reason }, deps.clock.now());
      result.unreached++;
    };

    try {
      try {
        await runPool(rows, concurrency, deliverOne);
      } finally {
        // 已发出的先记下，再决定是否中止
        await marks.drain();
      }
      // 短信：同一政协、同一模板、同样参数的合成一次请求（≤ 200 个号码）
      const groups = new Map<string, SmsItem[]>();
      for (const item of sms) {
        const key = JSON.stringify([item.row.org_id, item.row.template_key, smsParams(item.row.payload)]);
        groups.set(key, [...(groups.get(key) ?? []), item]);
      }
      for (const group of groups.values()) await sendSmsGroup(deps, ports, group, result);
    } catch (err) {
      // 说不清发没发：这一批没记下的行留在“发送中”，租约过后下一轮再领
      result.aborted = err instanceof Error ? err.message : String(err);
      deps.logger.error('reminder delivery aborted', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      // 已经领好的下一批也留给下一轮（租约过后）
      await upcoming.catch(() => undefined);
      break;
    }
  }
  return result;
}

/** 还没发完的行（待发、发送中） */
export async function openDeliveries(db: DB): Promise<number> {
  const r = await db
    .selectFrom('delivery')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
