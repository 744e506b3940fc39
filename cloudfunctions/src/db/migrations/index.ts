import type { Migration } from 'kysely';
import * as m001 from './001_organisation';
import * as m002 from './002_roster';
import * as m003 from './003_points';
import * as m004 from './004_events';
import * as m005 from './005_award_function';
import * as m006 from './006_award_points_v2';
import * as m007 from './007_event_revision';
import * as m008 from './008_member_name_sort';
import * as m009 from './009_no_truncate';
import * as m010 from './010_rule_limits';
import * as m011 from './011_invite_voided_by';
import * as m012 from './012_event_integrity';
import * as m013 from './013_daily_loop';
import * as m014 from './014_file_upload';
import * as m015 from './015_roster_fields';
import * as m016 from './016_suggestions';
import * as m017 from './017_feedback';
import * as m018 from './018_suggestion_rules';
import * as m020 from './020_study';
import * as m021 from './021_study_quiz';
import * as m022 from './022_study_search';
import * as m023 from './023_study_branch_materials';
import * as m030 from './030_reminders';

/** 迁移按名称顺序执行；只能追加，不改已发布的迁移。 */
export const migrations: Record<string, Migration> = {
  '001_organisation': m001,
  '002_roster': m002,
  '003_points': m003,
  '004_events': m004,
  '005_award_function': m005,
  '006_award_points_v2': m006,
  '007_event_revision': m007,
  '008_member_name_sort': m008,
  '009_no_truncate': m009,
  '010_rule_limits': m010,
  '011_invite_voided_by': m011,
  '012_event_integrity': m012,
  '013_daily_loop': m013,
  '014_file_upload': m014,
  '015_roster_fields': m015,
  '016_suggestions': m016,
  '017_feedback': m017,
  '018_suggestion_rules': m018,
  '020_study': m020,
  '021_study_quiz': m021,
  '022_study_search': m022,
  '023_study_branch_materials': m023,
  '030_reminders': m030,
};
