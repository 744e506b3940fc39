import {
  AppError,
  contract,
  type AttemptResult,
  type MyQuizView,
  type QuestionForAttempt,
  type QuestionView,
  type QuizView,
  type WrongQuestion,
} from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit';
import { stemKey } from '../../domain/question-row';
import { TRUE_FALSE_OPTIONS, drawQuestions, grade, isCorrect, questionProblem } from '../../domain/quiz';
import { awardPoints } from '../points/ledger';
import { existingStemKeys, withQuestionBankLock } from './question-import';
import { type Queryable, iso, quizIncludesMember } from './shared';

const OFFICE = { roles: ['admin'] as const };

type QuizRow = { id: string; title: string; bank: string; question_count: number; pass_score: number; max_attempts: number; opens_at: Date; closes_at: Date };
const quizView = (q: QuizRow): QuizView => ({
  id: q.id,
  title: q.title,
  bank: q.bank,
  questionCount: q.question_count,
  passScore: q.pass_score,
  maxAttempts: q.max_attempts,
  opensAt: iso(q.opens_at),
  closesAt: iso(q.closes_at),
});
const QUIZ_COLUMNS = ['q.id', 'q.title', 'q.bank', 'q.question_count', 'q.pass_score', 'q.max_attempts', 'q.opens_at', 'q.closes_at'] as const;

/**
 * 加一道题（办公室）：判断题的选项固定为“对、错”。同一题库里题干相同（不计空白）的题不再加，与从表格导入同一规则；
 * 与导入排在同一把锁下（withQuestionBankLock），连点两次或与一份导入同时提交，也只写一道。
 */
export const saveQuestion = defineAction({
  input: contract.study.saveQuestion,
  errors: ['STUDY.QUESTION_INVALID', 'STUDY.QUESTION_DUPLICATE'],
  access: OFFICE,
  writes: true,
  handler: async (input, ctx): Promise<QuestionView> => {
    const { deps, actor } = ctx;
    const options = input.kind === 'truefalse' ? [...TRUE_FALSE_OPTIONS] : input.options;
    if (questionProblem({ kind: input.kind, options, answer: input.answer })) throw new AppError('STUDY.QUESTION_INVALID');
    return withQuestionBankLock(deps.db, actor.orgId, async (trx) => {
      if ((await existingStemKeys(trx, actor.orgId, [input.bank])).has(stemKey(input.bank, input.stem))) {
        throw new AppError('STUDY.QUESTION_DUPLICATE', { bank: input.bank });
      }
      const row = await trx
        .insertInto('quiz_question')
        .values({
          org_id: actor.orgId,
          bank: input.bank,
          kind: input.kind,
          stem: input.stem,
          options: JSON.stringify(options),
          answer: JSON.stringify(input.answer),
          explanation: input.explanation,
          created_by: actor.memberId,
          created_at: deps.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'study.saveQuestion', targetKind: 'quiz', targetId: row.id, summary: `向题库“${input.bank}”加了一道题` });
      return { id: row.id, bank: input.bank, kind: input.kind, stem: input.stem, options, answer: input.answer, explanation: input.explanation };
    });
  },
});

/** 题库（办公室，含答案） */
export const questions = defineAction({
  input: contract.study.questions,
  errors: [],
  access: OFFICE,
  handler: async (input, { deps, actor }): Promise<QuestionView[]> => {
    let q = deps.db.selectFrom('quiz_question').select(['id', 'bank', 'kind', 'stem', 'options', 'answer', 'explanation']).where('org_id', '=', actor.orgId);
    if (input?.bank) q = q.where('bank', '=', input.bank);
    const rows = await q.orderBy('created_at').limit(500).execute();
    return rows.map((r) => ({ id: r.id, bank: r.bank, kind: r.kind, stem: r.stem, options: r.options, answer: r.answer, explanation: r.explanation }));
  },
});

/** 设一个测试（办公室）：题库须够抽 */
export const createQuiz = defineAction({
  input: contract.study.createQuiz,
  errors: ['STUDY.BANK_TOO_SMALL', 'STUDY.AUDIENCE_UNKNOWN'],
  access: OFFICE,
  writes: true,
  handler: async (input, ctx): Promise<QuizView> => {
    const { deps, actor } = ctx;
    return deps.db.transaction().execute(async (trx) => {
      const { n } = await trx
        .selectFrom('quiz_question')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', actor.orgId)
        .where('bank', '=', input.bank)
        .executeTakeFirstOrThrow();
      if (Number(n) < input.questionCount) throw new AppError('STUDY.BANK_TOO_SMALL', { bank: input.bank, count: Number(n), need: input.questionCount });
      const tables = { branch: 'party_org', committee: 'committee', sector: 'sector', member: 'member' } as const;
      const targets = [...new Map(input.audience.map((a) => [`${a.kind}:${a.id}`, a])).values()];
      for (const a of targets) {
        if (a.kind === 'all') continue;
        const found = await trx.selectFrom(tables[a.kind]).select('id').where('org_id', '=', actor.orgId).where('id', '=', a.id!).executeTakeFirst();
        if (!found) throw new AppError('STUDY.AUDIENCE_UNKNOWN');
      }
      const row = await trx
        .insertInto('quiz')
        .values({
          org_id: actor.orgId,
          title: input.title,
          bank: input.bank,
          question_count: input.questionCount,
          pass_score: input.passScore,
          max_attempts: input.maxAttempts,
          opens_at: input.opensAt,
          closes_at: input.closesAt,
          created_by: actor.memberId,
          created_at: deps.clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('quiz_audience')
        .values(targets.map((a) => ({ org_id: actor.orgId, quiz_id: row.id, target_kind: a.kind, target_id: a.id })))
        .execute();
      await recordAudit(trx, ctx, { action: 'study.createQuiz', targetKind: 'quiz', targetId: row.id, summary: `设立学习测试「${input.title}」` });
      return quizView(row);
    });
  },
});

/** 我的测试：参加对象里有我、还在开放的，带上我的次数与成绩 */
export const myQuizzes = defineAction({
  input: contract.study.myQuizzes,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }): Promise<MyQuizView[]> => {
    const now = deps.clock.now();
    const rows = await deps.db
      .selectFrom('quiz as q')
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'q.org_id'))
      .select([...QUIZ_COLUMNS])
      .where('q.org_id', '=', actor.orgId)
      .where('m.id', '=', actor.memberId)
      .where('q.opens_at', '<=', now)
      .where('q.closes_at', '>', now)
      .where(quizIncludesMember(sql.ref('q.id')))
      .orderBy('q.closes_at')
      .limit(50)
      .execute();
    if (rows.length === 0) return [];
    const attempts = await deps.db
      .selectFrom('quiz_attempt')
      .select(['id', 'quiz_id', 'submitted_at', 'score', 'passed'])
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where(
        'quiz_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => {
      const mine = attempts.filter((a) => a.quiz_id === r.id);
      const done = mine.filter((a) => a.submitted_at !== null);
      return {
        ...quizView(r),
        attemptsUsed: mine.length,
        bestScore: done.length ? Math.max(...done.map((a) => a.score ?? 0)) : null,
        passed: done.some((a) => a.passed),
        openAttemptId: mine.find((a) => a.submitted_at === null)?.id ?? null,
      };
    });
  },
});

async function loadQuestions(db: Queryable, orgId: string, ids: string[]) {
  const rows = await db
    .selectFrom('quiz_question')
    .select(['id', 'kind', 'stem', 'options', 'answer', 'explanation'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
const forAttempt = (q: { id: string; kind: QuestionForAttempt['kind']; stem: string; options: string[] }): QuestionForAttempt => ({
  id: q.id,
  kind: q.kind,
  stem: q.stem,
  options: q.options,
});

/**
 * 开始作答：题目在这里抽定并存下；已有没交卷的作答就原样给回（刷新不重抽）。
 * 发给成员的只有题干与选项，没有答案与解析。
 */
export const startAttempt = defineAction({
  input: contract.study.startAttempt,
  errors: ['NOT_FOUND#QUIZ', 'STUDY.QUIZ_NOT_OPEN', 'STUDY.QUIZ_NOT_IN_AUDIENCE', 'STUDY.ATTEMPTS_USED', 'STUDY.BANK_TOO_SMALL'],
  access: 'member',
  handler: async ({ quizId }, { deps, actor }) => {
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const quiz = await trx
        .selectFrom('quiz as q')
        .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'q.org_id'))
        .select([...QUIZ_COLUMNS, quizIncludesMember(sql.ref('q.id')).as('in_audience')])
        .where('q.org_id', '=', actor.orgId)
        .where('q.id', '=', quizId)
        .where('m.id', '=', actor.memberId)
        .executeTakeFirst();
      if (!quiz) throw new AppError('NOT_FOUND#QUIZ');
      if (!quiz.in_audience) throw new AppError('STUDY.QUIZ_NOT_IN_AUDIENCE');
      if (now < new Date(quiz.opens_at) || now >= new Date(quiz.closes_at)) throw new AppError('STUDY.QUIZ_NOT_OPEN');
      // 1. 同一人同一测试串行（两次并发的“开始”不会各抽一套）
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`quiz:${quizId}:${actor.memberId}`}))`.execute(trx);
      const mine = await trx
        .selectFrom('quiz_attempt')
        .select(['id', 'attempt_no', 'question_ids', 'submitted_at'])
        .where('org_id', '=', actor.orgId)
        .where('quiz_id', '=', quizId)
        .where('member_id', '=', actor.memberId)
        .execute();
      const open = mine.find((a) => a.submitted_at === null);
      let attempt: { id: string; attempt_no: number; question_ids: string[] };
      if (open) attempt = open;
      else {
        if (mine.length >= quiz.max_attempts) throw new AppError('STUDY.ATTEMPTS_USED', { max: quiz.max_attempts });
        // 2. 抽题并存下
        const bank = await trx.selectFrom('quiz_question').select('id').where('org_id', '=', actor.orgId).where('bank', '=', quiz.bank).orderBy('id').execute();
        if (bank.length < quiz.question_count) throw new AppError('STUDY.BANK_TOO_SMALL', { bank: quiz.bank, count: bank.length, need: quiz.question_count });
        const ids = drawQuestions(
          bank.map((b) => b.id),
          quiz.question_count,
          (max) => deps.random.int(max),
        );
        attempt = await trx
          .insertInto('quiz_attempt')
          .values({
            org_id: actor.orgId,
            quiz_id: quizId,
            member_id: actor.memberId,
            attempt_no: mine.length + 1,
            question_ids: JSON.stringify(ids),
            started_at: now,
          })
          .returning(['id', 'attempt_no', 'question_ids'])
          .executeTakeFirstOrThrow();
      }
      const qs = await loadQuestions(trx, actor.orgId, attempt.question_ids);
      return { attemptId: attempt.id, quizId, title: quiz.title, attemptNo: attempt.attempt_no, maxAttempts: quiz.max_attempts, questions: qs.map(forAttempt) };
    });
  },
});

/**
 * 交卷：锁住这次作答再判分，只交一次（并发的第二次等到第一次提交后看到已交卷，被拒绝、什么也不改）。
 * 通过了按“通过学习测试”记分，每个测试一次，与交卷同一事务。
 */
export const submitAttempt = defineAction({
  input: contract.study.submitAttempt,
  errors: ['NOT_FOUND#ATTEMPT', 'STUDY.ATTEMPT_SUBMITTED', 'STUDY.ATTEMPT_NOT_SUBMITTED', 'POINTS.YEAR_CLOSED', 'POINTS.RULE_NOT_FOUND'],
  access: 'member',
  handler: async ({ attemptId, answers }, { deps, actor }) => {
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const attempt = await trx
        .selectFrom('quiz_attempt')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('id', '=', attemptId)
        .where('member_id', '=', actor.memberId)
        .forUpdate()
        .executeTakeFirst();
      if (!attempt) throw new AppError('NOT_FOUND#ATTEMPT');
      if (attempt.submitted_at !== null) throw new AppError('STUDY.ATTEMPT_SUBMITTED');
      const quiz = await trx.selectFrom('quiz').selectAll().where('org_id', '=', actor.orgId).where('id', '=', attempt.quiz_id).executeTakeFirstOrThrow();
      const qs = await loadQuestions(trx, actor.orgId, attempt.question_ids);
      const chosenOf = new Map(answers.map((a) => [a.questionId, a.choice]));
      // 只收这次抽到的题的作答
      const kept = qs.map((q) => ({ questionId: q.id, choice: chosenOf.get(q.id) ?? [] }));
      const result = grade(
        qs.map((q) => isCorrect(q.answer, chosenOf.get(q.id))),
        quiz.pass_score,
      );
      await trx
        .updateTable('quiz_attempt')
        .set({ submitted_at: now, answers: JSON.stringify(kept), correct: result.correct, score: result.score, passed: result.passed })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', attemptId)
        .execute();
      let points: number | null = null;
      if (result.passed) {
        const outcome = await awardPoints(trx, {
          orgId: actor.orgId,
          memberId: actor.memberId,
          ruleCode: 'duty.study_quiz',
          source: { kind: 'quiz', id: quiz.id, title: quiz.title },
          at: now,
          reason: `学习测试 ${result.score} 分`,
        });
        points = outcome.status === 'awarded' || outcome.status === 'capped' || outcome.status === 'duplicate' ? outcome.points : null;
      }
      return resultView(trx, actor, attemptId, points);
    });
  },
});

/** 交卷后的结果（本人的；没交卷的不给答案） */
export const attemptResult = defineAction({
  input: contract.study.attemptResult,
  errors: ['NOT_FOUND#ATTEMPT', 'STUDY.ATTEMPT_NOT_SUBMITTED'],
  access: 'member',
  handler: async ({ attemptId }, { deps, actor }) => resultView(deps.db, actor, attemptId, null),
});

async function resultView(db: Queryable, actor: Actor, attemptId: string, points: number | null): Promise<AttemptResult> {
  const attempt = await db
    .selectFrom('quiz_attempt')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('id', '=', attemptId)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  if (!attempt) throw new AppError('NOT_FOUND#ATTEMPT');
  if (attempt.submitted_at === null) throw new AppError('STUDY.ATTEMPT_NOT_SUBMITTED');
  const quiz = await db
    .selectFrom('quiz')
    .select(['id', 'pass_score', 'max_attempts'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', attempt.quiz_id)
    .executeTakeFirstOrThrow();
  const used = await db
    .selectFrom('quiz_attempt')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', actor.orgId)
    .where('quiz_id', '=', quiz.id)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirstOrThrow();
  const qs = await loadQuestions(db, actor.orgId, attempt.question_ids);
  const chosenOf = new Map((attempt.answers ?? []).map((a) => [a.questionId, a.choice]));
  return {
    attemptId,
    quizId: quiz.id,
    score: attempt.score ?? 0,
    correct: attempt.correct ?? 0,
    total: qs.length,
    passed: attempt.passed ?? false,
    passScore: quiz.pass_score,
    attemptsLeft: Math.max(0, quiz.max_attempts - Number(used.n)),
    points,
    questions: qs.map((q) => ({
      ...forAttempt(q),
      chosen: chosenOf.get(q.id) ?? [],
      answer: q.answer,
      correct: isCorrect(q.answer, chosenOf.get(q.id)),
      explanation: q.explanation,
    })),
  };
}

/** 错题本：本人交过卷的题里，最近一次答错的（答对了就从本子上消失），新的在前 */
export const wrongBook = defineAction({
  input: contract.study.wrongBook,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }): Promise<WrongQuestion[]> => {
    const attempts = await deps.db
      .selectFrom('quiz_attempt as a')
      .innerJoin('quiz as q', (j) => j.onRef('q.org_id', '=', 'a.org_id').onRef('q.id', '=', 'a.quiz_id'))
      .select(['a.answers', 'a.submitted_at', 'a.attempt_no', 'q.title'])
      .where('a.org_id', '=', actor.orgId)
      .where('a.member_id', '=', actor.memberId)
      .where('a.submitted_at', 'is not', null)
      .orderBy('a.submitted_at', 'desc')
      .orderBy('a.attempt_no', 'desc')
      .limit(200)
      .execute();
    // 每题取最近一次的作答
    const latest = new Map<string, { choice: number[]; quizTitle: string }>();
    for (const a of attempts)
      for (const x of a.answers ?? []) if (!latest.has(x.questionId)) latest.set(x.questionId, { choice: x.choice, quizTitle: a.title });
    if (latest.size === 0) return [];
    const qs = await loadQuestions(deps.db, actor.orgId, [...latest.keys()]);
    return qs
      .filter((q) => !isCorrect(q.answer, latest.get(q.id)!.choice))
      .map((q) => ({
        ...forAttempt(q),
        answer: q.answer,
        explanation: q.explanation,
        lastChosen: latest.get(q.id)!.choice,
        quizTitle: latest.get(q.id)!.quizTitle,
      }));
  },
});
