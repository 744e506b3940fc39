import { AppError, type MeetingRecordView, contract } from '@tongxin/shared-types';
import type { Kysely } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import type { Database } from '../../db/schema';
import { recordColumns } from './manage';
import { ORGANISERS, byEvent, iso, loadEventRow } from './shared';

/**
 * 会议记录（三会一课要存档的那份）：议程、主持人、记录人，随机点名与每位发言人的发言要点。
 * 发言要点会后可补、可改，存在库里，刷新不丢。
 */
export async function loadRecord(db: Pick<Kysely<Database>, 'selectFrom'>, orgId: string, eventId: string): Promise<MeetingRecordView> {
  const [event, speeches, calls] = await Promise.all([
    loadEventRow(db, orgId, eventId),
    db
      .selectFrom('meeting_speech')
      .select(['id', 'member_id', 'speaker_name', 'content', 'updated_at'])
      .where('org_id', '=', orgId)
      .where('event_id', '=', eventId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('roll_call as r')
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'r.org_id').onRef('m.id', '=', 'r.member_id'))
      .select(['r.member_id', 'm.name', 'r.call_order', 'r.note'])
      .where('r.org_id', '=', orgId)
      .where('r.event_id', '=', eventId)
      .orderBy('r.call_order')
      .execute(),
  ]);
  return {
    eventId,
    agenda: event.agenda,
    hostName: event.host_name,
    recorderName: event.recorder_name,
    speeches: speeches.map((s) => ({ id: s.id, memberId: s.member_id, speakerName: s.speaker_name, content: s.content, updatedAt: iso(s.updated_at) })),
    rollCalls: calls.map((c) => ({ memberId: c.member_id, name: c.name, order: c.call_order, note: c.note })),
  };
}

export const record = defineAction({
  input: contract.event.record,
  errors: ['NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  handler: async ({ eventId }, { deps, actor }) => loadRecord(deps.db, actor.orgId, eventId),
});

/** 改会议记录的抬头（议程、主持人、记录人）；已取消的活动没有记录可写 */
export const saveRecord = defineAction({
  input: contract.event.saveRecord,
  errors: ['CHECKIN.EVENT_CANCELLED', 'NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      const e = await loadEventRow(trx, actor.orgId, input.eventId);
      if (e.status === 'cancelled') throw new AppError('CHECKIN.EVENT_CANCELLED');
      await trx
        .updateTable('event')
        .set({ ...recordColumns(input), updated_at: deps.clock.now() })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.eventId)
        .execute();
      await recordAudit(trx, ctx, { action: 'event.saveRecord', targetKind: 'event', targetId: input.eventId, summary: `修改「${e.title}」的会议记录抬头` });
    });
    return loadRecord(deps.db, actor.orgId, input.eventId);
  },
});

/** 新增或修改一条发言要点。发言人是成员时须是本政协在册的人（姓名以名册为准） */
export const saveSpeech = defineAction({
  input: contract.event.saveSpeech,
  errors: ['CHECKIN.EVENT_CANCELLED', 'INVALID_PARAMETER#SPEAKER_UNKNOWN', 'EVENT.SPEECH_NOT_FOUND', 'NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const e = await loadEventRow(trx, actor.orgId, input.eventId);
      if (e.status === 'cancelled') throw new AppError('CHECKIN.EVENT_CANCELLED');
      let speakerName = input.speakerName;
      if (input.memberId) {
        const m = await trx.selectFrom('member').select('name').where('org_id', '=', actor.orgId).where('id', '=', input.memberId).executeTakeFirst();
        if (!m) throw new AppError('INVALID_PARAMETER#SPEAKER_UNKNOWN');
        speakerName = m.name;
      }
      if (input.speechId) {
        const r = await trx
          .updateTable('meeting_speech')
          .set({ member_id: input.memberId, speaker_name: speakerName, content: input.content, updated_at: now })
          .where('org_id', '=', actor.orgId)
          .where('event_id', '=', input.eventId)
          .where('id', '=', input.speechId)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new AppError('EVENT.SPEECH_NOT_FOUND');
      } else {
        await trx
          .insertInto('meeting_speech')
          .values({
            org_id: actor.orgId,
            event_id: input.eventId,
            member_id: input.memberId,
            speaker_name: speakerName,
            content: input.content,
            created_by: actor.memberId,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await recordAudit(trx, ctx, {
        action: 'event.saveSpeech',
        targetKind: 'event',
        targetId: input.eventId,
        summary: `${input.speechId ? '修改' : '记录'}「${e.title}」${speakerName}的发言要点`,
      });
    });
    return loadRecord(deps.db, actor.orgId, input.eventId);
  },
});

export const deleteSpeech = defineAction({
  input: contract.event.deleteSpeech,
  errors: ['EVENT.SPEECH_NOT_FOUND', 'NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId, speechId }, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      const e = await loadEventRow(trx, actor.orgId, eventId);
      const gone = await trx
        .deleteFrom('meeting_speech')
        .where('org_id', '=', actor.orgId)
        .where('event_id', '=', eventId)
        .where('id', '=', speechId)
        .returning('speaker_name')
        .executeTakeFirst();
      if (!gone) throw new AppError('EVENT.SPEECH_NOT_FOUND');
      await recordAudit(trx, ctx, {
        action: 'event.deleteSpeech',
        targetKind: 'event',
        targetId: eventId,
        summary: `删除「${e.title}」${gone.speaker_name}的发言要点`,
      });
    });
    return loadRecord(deps.db, actor.orgId, eventId);
  },
});
