import type { z } from 'zod';
import { memberSchemas } from './schemas/member';
import { orgSchemas } from './schemas/org';
import { rosterSchemas } from './schemas/roster';
import { pointsSchemas } from './schemas/points';
import { eventSchemas } from './schemas/event';
import { homeSchemas } from './schemas/home';
import { suggestionSchemas } from './schemas/suggestions';
import type { FeedbackView, HandlingUnitView, SuggestionStats, SuggestionSummary, SuggestionView, UnitStaffProfile } from './suggestions';
import { reminderSchemas } from './schemas/reminders';
import type { DeliveryLog, EventReminderReport, MyRemindersView, ReminderConfigView, ReminderSettingsView } from './reminders';
import type { TodoList } from './home';
import type {
  AttendanceList,
  CheckinResult,
  EventView,
  FileDownload,
  LeaveRequestView,
  MeetingRecordView,
  FinalizeResult,
  MyEventView,
  NotificationView,
  RollCallView,
  ScreenView,
  StudyNoteView,
} from './events';
import { studySchemas } from './schemas/study';
import type {
  AssignmentView,
  AttemptResult,
  AttemptView,
  CompletionReport,
  FinishResult,
  MaterialSource,
  MaterialSummary,
  MaterialView,
  MyAssignment,
  MyNote,
  MyQuizView,
  QuestionImportPreview,
  QuestionImportResult,
  QuestionView,
  QuizView,
  WrongQuestion,
} from './study';
import type { PointsAppealView, PointsEntryView, PointsLedgerView, PointsOverview, PointsRuleView, PointsVisibility } from './points';
import type { MemberProfile } from './domain';
import type { AuditEntryView, BatchInvitesIssued, ImportPreview, ImportResult, InviteIssued, MemberDetail, MemberPage, OrgTree, PageOf } from './views';

/**
 * 所有云函数及其操作的输入 schema。服务端据此校验，本地宿主据此生成 /api/dev/contract。
 */
export const contract = {
  member: memberSchemas,
  roster: rosterSchemas,
  org: orgSchemas,
  points: pointsSchemas,
  event: eventSchemas,
  home: homeSchemas,
  suggestions: suggestionSchemas,
  study: studySchemas,
  reminders: reminderSchemas,
} as const;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends z.ZodType ? z.input<Contract[F][A]> : never;

/** 各操作的返回类型 */
export interface ActionOutputs {
  member: {
    me: MemberProfile;
    bind: MemberProfile;
  };
  roster: {
    list: MemberPage;
    exportRoster: FileDownload;
    get: MemberDetail;
    create: MemberDetail;
    update: MemberDetail;
    retire: MemberDetail;
    setAdmin: MemberDetail;
    issueInvite: InviteIssued;
    issueInvites: BatchInvitesIssued;
    unbind: MemberDetail;
    importTemplate: FileDownload;
    previewImport: ImportPreview;
    commitImport: ImportResult;
    cleanupUploads: { removed: number };
    auditLog: PageOf<AuditEntryView>;
  };
  org: {
    tree: OrgTree;
    createUnit: OrgTree;
    updateUnit: OrgTree;
    closeBranch: OrgTree;
    mergeBranches: OrgTree & { moved: number };
    openTemporaryBranch: OrgTree & { branchId: string; members: number };
    saveGroup: OrgTree;
  };
  points: {
    mine: PointsLedgerView;
    ledger: PointsLedgerView;
    adjust: PointsEntryView;
    reverse: PointsEntryView;
    appeal: PointsAppealView;
    myAppeals: PointsAppealView[];
    listAppeals: PageOf<PointsAppealView>;
    answerAppeal: PointsAppealView;
    rules: PointsRuleView[];
    saveRule: PointsRuleView;
    closeYear: { year: number; closedAt: string };
    setVisibility: { visibility: PointsVisibility };
    overview: PointsOverview;
    recordFiveOne: { id: string };
  };
  event: {
    create: EventView;
    update: EventView;
    cancel: EventView;
    get: MyEventView;
    list: PageOf<EventView & { counts: { expected: number; checkedIn: number } }>;
    upcoming: MyEventView[];
    screen: ScreenView;
    checkin: CheckinResult;
    checkinByCode: CheckinResult;
    proxyCheckin: CheckinResult;
    requestLeave: LeaveRequestView;
    decideLeave: LeaveRequestView;
    attendance: AttendanceList;
    exportAttendance: FileDownload;
    exportDualLife: FileDownload;
    rollCall: RollCallView;
    rollCallNote: RollCallView;
    finalize: FinalizeResult;
    confirmOffline: { accepted: boolean };
    confirmBackfill: { confirmed: number };
    writeNote: { updatedAt: string };
    notes: StudyNoteView[];
    notifications: NotificationView[];
    markRead: { updated: number };
    withdrawLeave: LeaveRequestView;
    record: MeetingRecordView;
    saveRecord: MeetingRecordView;
    saveSpeech: MeetingRecordView;
    deleteSpeech: MeetingRecordView;
  };
  home: {
    todos: TodoList;
  };
  suggestions: {
    saveDraft: SuggestionView;
    submit: SuggestionView;
    withdraw: SuggestionView;
    mine: SuggestionSummary[];
    published: PageOf<SuggestionSummary>;
    get: SuggestionView;
    attachment: FileDownload;
    candidates: Array<{ id: string; name: string; sector: string | null }>;
    invite: SuggestionView;
    answerInvite: SuggestionView;
    rate: SuggestionView;
    queue: PageOf<SuggestionSummary>;
    file: SuggestionView;
    reject: SuggestionView;
    convert: SuggestionView;
    assign: SuggestionView;
    chase: SuggestionView;
    markKey: SuggestionView;
    markExcellent: SuggestionView;
    adopt: SuggestionView;
    archive: SuggestionView;
    instruct: SuggestionView;
    exportList: FileDownload;
    stats: SuggestionStats;
    units: HandlingUnitView[];
    saveUnit: HandlingUnitView[];
    addUnitStaff: HandlingUnitView[];
    issueUnitInvite: { code: string; expiresAt: string };
    bindUnit: UnitStaffProfile;
    unitMe: UnitStaffProfile;
    unitList: SuggestionSummary[];
    unitGet: SuggestionView;
    unitAttachment: FileDownload;
    reply: SuggestionView;
    meet: SuggestionView;
    sendFeedback: FeedbackView;
    myFeedback: FeedbackView[];
    feedbackList: PageOf<FeedbackView>;
    answerFeedback: FeedbackView;
  };
  study: {
    list: PageOf<MaterialSummary>;
    get: MaterialView;
    attachment: FileDownload;
    finish: FinishResult;
    favourite: { favourite: boolean };
    favourites: MaterialSummary[];
    writeNote: { updatedAt: string; points: number | null };
    myNotes: MyNote[];
    myAssignments: MyAssignment[];
    manageList: PageOf<MaterialSummary>;
    source: MaterialSource;
    publish: MaterialSource;
    edit: MaterialSource;
    withdraw: MaterialSource;
    assign: AssignmentView;
    assignments: AssignmentView[];
    completion: CompletionReport;
    exportCompletion: FileDownload;
    saveQuestion: QuestionView;
    questions: QuestionView[];
    questionTemplate: FileDownload;
    previewQuestions: QuestionImportPreview;
    importQuestions: QuestionImportResult;
    createQuiz: QuizView;
    myQuizzes: MyQuizView[];
    startAttempt: AttemptView;
    submitAttempt: AttemptResult;
    attemptResult: AttemptResult;
    wrongBook: WrongQuestion[];
  };
  reminders: {
    config: ReminderConfigView;
    subscribed: MyRemindersView;
    mine: MyRemindersView;
    setSms: MyRemindersView;
    eventReport: EventReminderReport;
    resend: EventReminderReport & { resent: number };
    settings: ReminderSettingsView;
    saveSettings: ReminderSettingsView;
    setMemberSms: { memberId: string; enabled: boolean };
    log: DeliveryLog;
  };
}

export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = F extends keyof ActionOutputs
  ? A extends keyof ActionOutputs[F]
    ? ActionOutputs[F][A]
    : unknown
  : unknown;
