import type { AttemptView } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { type Client, client, codeOf, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

jest.setTimeout(60_000);
const t = useTestDb();
let db: DB;
let c: Client;
let org: FixtureOrg;
let quizId: string;
const EXPLAIN = '解析：人民政协是专门协商机构';

const QUESTIONS = [
  { kind: 'single', stem: '人民政协是什么机构？', options: ['专门协商机构', '权力机关', '行政机关'], answer: [0], explanation: EXPLAIN },
  {
    kind: 'multiple',
    stem: '政协的主要职能有哪些？',
    options: ['政治协商', '民主监督', '参政议政', '审判'],
    answer: [0, 1, 2],
    explanation: '解析：三项主要职能',
  },
  { kind: 'truefalse', stem: '“五一口号”发布于 1948 年。', options: ['对', '错'], answer: [0], explanation: '解析：1948 年' },
  { kind: 'single', stem: '“有事好商量”体现的是？', options: ['协商民主', '竞争选举'], answer: [0], explanation: '解析：协商民主' },
];

beforeAll(async () => {
  db = t.db();
  c = client(db);
  org = await createFixtureOrg(db);
  for (const q of QUESTIONS) await c.ok(org.members.admin.openid, 'study', 'saveQuestion', { bank: '政协知识', ...q });
  const quiz = await c.ok(org.members.admin.openid, 'study', 'createQuiz', {
    title: '政协知识测试',
    bank: '政协知识',
    questionCount: 3,
    passScore: 60,
    maxAttempts: 2,
    opensAt: '2026-11-20T00:00:00+08:00',
    closesAt: '2026-12-20T00:00:00+08:00',
    audience: [{ kind: 'branch', id: org.branches.B }],
  });
  quizId = quiz.id;
});

/** 正确答案只从数据库里取（客户端从来拿不到） */
async function correctAnswers(attempt: AttemptView) {
  const rows = await db
    .selectFrom('quiz_question')
    .select(['id', 'answer'])
    .where(
      'id',
      'in',
      attempt.questions.map((q) => q.id),
    )
    .execute();
  return rows.map((r) => ({ questionId: r.id, choice: r.answer }));
}
const wrongAnswers = (attempt: AttemptView) => attempt.questions.map((q) => ({ questionId: q.id, choice: [q.options.length - 1] }));

describe('学习测试', () => {
  test('同一题库里题干相同（不计空白）的题不再加，什么也不写；别的题库可以；两次同时提交只写一道', async () => {
    const admin = org.members.admin.openid;
    const count = async (bank: string) =>
      Number(
        (
          await db
            .selectFrom('quiz_question')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('org_id', '=', org.orgId)
            .where('bank', '=', bank)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count('政协知识');
    const res = await c.call(admin, 'study', 'saveQuestion', { bank: '政协知识', ...QUESTIONS[0], stem: ' 人民政协是 什么机构？ ' });
    expect(codeOf(res)).toBe('STUDY.QUESTION_DUPLICATE');
    expect(!res.ok && res.error.message).toBe('题库“政协知识”里已有题干相同的题，没有再加一道');
    expect(await count('政协知识')).toBe(before);
    await c.ok(admin, 'study', 'saveQuestion', { bank: '换届学习', ...QUESTIONS[0] });

    const twice = await Promise.all([0, 1].map(() => c.call(admin, 'study', 'saveQuestion', { bank: '换届学习', ...QUESTIONS[1] })));
    expect(twice.map(codeOf).sort()).toEqual(['OK', 'STUDY.QUESTION_DUPLICATE']);
    expect(await count('换届学习')).toBe(2);
  });

  test('题目不自洽、成员出题、题库不够抽，都被拒绝', async () => {
    const admin = org.members.admin.openid;
    expect(
      await c.code(admin, 'study', 'saveQuestion', { bank: '政协知识', kind: 'single', stem: '两个答案的单选？', options: ['甲', '乙'], answer: [0, 1] }),
    ).toBe('STUDY.QUESTION_INVALID');
    expect(
      await c.code(admin, 'study', 'saveQuestion', { bank: '政协知识', kind: 'multiple', stem: '一个答案的多选？', options: ['甲', '乙'], answer: [1] }),
    ).toBe('STUDY.QUESTION_INVALID');
    expect(await c.code(org.members.cpc.openid, 'study', 'saveQuestion', { bank: '我的题库', ...QUESTIONS[0] })).toBe('FORBIDDEN');
    expect(
      await c.code(org.members.secB.openid, 'study', 'createQuiz', {
        title: '书记的测试',
        bank: '政协知识',
        questionCount: 1,
        passScore: 60,
        maxAttempts: 1,
        opensAt: '2026-11-20T00:00:00+08:00',
        closesAt: '2026-12-20T00:00:00+08:00',
        audience: [{ kind: 'all' }],
      }),
    ).toBe('FORBIDDEN');
    const res = await c.call(admin, 'study', 'createQuiz', {
      title: '题不够',
      bank: '政协知识',
      questionCount: 9,
      passScore: 60,
      maxAttempts: 1,
      opensAt: '2026-11-20T00:00:00+08:00',
      closesAt: '2026-12-20T00:00:00+08:00',
      audience: [{ kind: 'all' }],
    });
    expect(codeOf(res)).toBe('STUDY.BANK_TOO_SMALL');
    expect(!res.ok && res.error.message).toBe('题库“政协知识”只有 4 道题，不够抽 9 道');
  });

  test('参加对象之外的人看不到、也开始不了', async () => {
    expect(await c.ok(org.members.nonCpc.openid, 'study', 'myQuizzes')).toEqual([]);
    expect(await c.code(org.members.nonCpc.openid, 'study', 'startAttempt', { quizId })).toBe('STUDY.QUIZ_NOT_IN_AUDIENCE');
  });

  test('一次不及格、再答通过；答案与解析在交卷前从不出现；交两次被拒绝；次数用完；分只记一次', async () => {
    const me = org.members.cpc.openid;
    const listed = await c.ok(me, 'study', 'myQuizzes');
    expect(listed).toEqual([expect.objectContaining({ id: quizId, attemptsUsed: 0, passed: false, openAttemptId: null })]);

    const first = await c.ok(me, 'study', 'startAttempt', { quizId });
    const raw = JSON.stringify(first);
    expect(raw).not.toMatch(/"answer"|"explanation"|"correct"/);
    for (const q of QUESTIONS) expect(raw).not.toContain(q.explanation);
    expect(first.questions).toHaveLength(3);
    // 刷新不重抽：原样给回同一次作答
    const again = await c.ok(me, 'study', 'startAttempt', { quizId });
    expect(again).toEqual(first);
    expect(JSON.stringify(await c.ok(me, 'study', 'myQuizzes'))).not.toMatch(/"answer"|"explanation"/);
    expect(await c.code(me, 'study', 'attemptResult', { attemptId: first.attemptId })).toBe('STUDY.ATTEMPT_NOT_SUBMITTED');
    // 别人交不了我的卷
    expect(await c.code(org.members.secB.openid, 'study', 'submitAttempt', { attemptId: first.attemptId, answers: [] })).toBe('NOT_FOUND');

    const failed = await c.ok(me, 'study', 'submitAttempt', { attemptId: first.attemptId, answers: wrongAnswers(first) });
    expect(failed).toMatchObject({ passed: false, score: 0, points: null, attemptsLeft: 1 });
    expect(failed.questions.every((q) => q.explanation.startsWith('解析'))).toBe(true);
    const snapshot = await orgSnapshot(db, org.orgId);
    expect(await c.code(me, 'study', 'submitAttempt', { attemptId: first.attemptId, answers: await correctAnswers(first) })).toBe('STUDY.ATTEMPT_SUBMITTED');
    expect(await orgSnapshot(db, org.orgId)).toEqual(snapshot);

    const second = await c.ok(me, 'study', 'startAttempt', { quizId });
    expect(second.attemptNo).toBe(2);
    expect(JSON.stringify(second)).not.toMatch(/"answer"|"explanation"/);
    const passed = await c.ok(me, 'study', 'submitAttempt', { attemptId: second.attemptId, answers: await correctAnswers(second) });
    expect(passed).toMatchObject({ passed: true, score: 100, points: 2, attemptsLeft: 0 });
    expect(await c.code(me, 'study', 'startAttempt', { quizId })).toBe('STUDY.ATTEMPTS_USED');

    const entries = await db
      .selectFrom('points_entry')
      .select(['points', 'source_title'])
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', org.members.cpc.id)
      .where('rule_code', '=', 'duty.study_quiz')
      .execute();
    expect(entries).toEqual([{ points: 2, source_title: '政协知识测试' }]);
    const result = await c.ok(me, 'study', 'attemptResult', { attemptId: second.attemptId });
    expect(result.questions.every((q) => q.correct)).toBe(true);

    // 错题本：第一次答错的题里，第二次没再抽到（或又答错）的留着；第二次答对的消失
    const book = await c.ok(me, 'study', 'wrongBook');
    const secondIds = new Set(second.questions.map((q) => q.id));
    const expected = first.questions.filter((q) => !secondIds.has(q.id)).map((q) => q.id);
    expect(book.map((q) => q.id).sort()).toEqual(expected.sort());
    for (const q of book) expect(q.explanation.startsWith('解析')).toBe(true);
    // 别人的错题本里没有我的
    expect(await c.ok(org.members.nonCpc.openid, 'study', 'wrongBook')).toEqual([]);
  });

  test('同一次作答并发交两次：一次成功，另一次被拒绝', async () => {
    const me = org.members.secB.openid;
    const attempt = await c.ok(me, 'study', 'startAttempt', { quizId });
    const answers = await correctAnswers(attempt);
    const results = await Promise.all([1, 2].map(() => c.call(me, 'study', 'submitAttempt', { attemptId: attempt.attemptId, answers })));
    expect(results.map(codeOf).sort()).toEqual(['OK', 'STUDY.ATTEMPT_SUBMITTED']);
    const entries = await db
      .selectFrom('points_entry')
      .select('points')
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', org.members.secB.id)
      .where('rule_code', '=', 'duty.study_quiz')
      .execute();
    expect(entries).toHaveLength(1);
  });

  test('不在开放时间内不能开始', async () => {
    const late = client(db, '2026-12-21T09:00:00+08:00');
    expect(await late.code(org.members.staff.openid, 'study', 'startAttempt', { quizId })).toBe('STUDY.QUIZ_NOT_IN_AUDIENCE');
    const quiz = await c.ok(org.members.admin.openid, 'study', 'createQuiz', {
      title: '全体测试',
      bank: '政协知识',
      questionCount: 2,
      passScore: 60,
      maxAttempts: 1,
      opensAt: '2026-11-20T00:00:00+08:00',
      closesAt: '2026-12-20T00:00:00+08:00',
      audience: [{ kind: 'all' }],
    });
    expect(await late.code(org.members.staff.openid, 'study', 'startAttempt', { quizId: quiz.id })).toBe('STUDY.QUIZ_NOT_OPEN');
    expect(await late.ok(org.members.staff.openid, 'study', 'myQuizzes')).toEqual([]);
  });
});
