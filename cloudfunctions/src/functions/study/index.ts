import { createFunction } from '../../core/dispatch';
import { assign, assignments, completion, exportCompletion, myAssignments } from './assign';
import { attachment, favourite, favourites, finish, get, list, myNotes, writeNote } from './library';
import { edit, manageList, publish, source, withdraw } from './manage';
import { importQuestions, previewQuestions, questionTemplate } from './question-import';
import { attemptResult, createQuiz, myQuizzes, questions, saveQuestion, startAttempt, submitAttempt, wrongBook } from './quiz';

/** 学习：材料库与搜索、阅读与读完确认、收藏、学习心得、必学任务与完成情况、学习测试 */
export const studyFunction = createFunction('study', {
  list,
  get,
  attachment,
  finish,
  favourite,
  favourites,
  writeNote,
  myNotes,
  myAssignments,
  manageList,
  source,
  publish,
  edit,
  withdraw,
  assign,
  assignments,
  completion,
  exportCompletion,
  saveQuestion,
  questions,
  questionTemplate,
  previewQuestions,
  importQuestions,
  createQuiz,
  myQuizzes,
  startAttempt,
  submitAttempt,
  attemptResult,
  wrongBook,
});
