/**
 * Request and response types of the API, inferred from the zod schemas the server validates with.
 * The client imports these as types only, so no server code reaches the browser bundle.
 */
import type { z } from 'zod';
import type * as A from './schemas/appeals.js';
import type * as Au from './schemas/auth.js';
import type * as B from './schemas/backups.js';
import type * as C from './schemas/common.js';
import type * as E from './schemas/exports.js';
import type * as I from './schemas/imports.js';
import type * as K from './schemas/kpis.js';
import type * as M from './schemas/meetings.js';
import type * as R from './schemas/routing.js';
import type * as S from './schemas/summary.js';
import type * as T from './schemas/topics.js';
import type * as Tk from './schemas/tokens.js';
import type * as Un from './schemas/units.js';
import type * as U from './schemas/users.js';

export type Role = C.Role;
export type ErrorBody = z.infer<typeof C.ErrorBody>;

export type Me = z.infer<typeof Au.Me>;
export type Session = z.infer<typeof Au.Session>;
export type LoginBody = z.input<typeof Au.LoginBody>;

export type Health = z.infer<typeof S.Health>;
export type Summary = z.infer<typeof S.Summary>;
export type Facets = z.infer<typeof S.Facets>;

export type AppealsQuery = z.input<typeof A.AppealsQuery>;
export type AppealList = z.infer<typeof A.AppealList>;
export type AppealListRow = z.infer<typeof A.AppealListRow>;
export type AppealDetail = z.infer<typeof A.AppealDetail>;
export type Transfer = z.infer<typeof A.Transfer>;

export type Period = z.infer<typeof K.Period>;
export type KpiReport = z.infer<typeof K.KpiReport>;
export type KpiDictionary = z.infer<typeof K.KpiDictionary>;
export type KpiSeries = z.infer<typeof K.KpiSeries>;
export type KpiValue = z.infer<typeof K.KpiValue>;
export type KpiAppeals = z.infer<typeof K.KpiAppeals>;
export type KpiAppealRow = z.infer<typeof K.KpiAppealRow>;

export type TopicRanking = z.infer<typeof T.TopicRanking>;
export type TopicRank = z.infer<typeof T.TopicRank>;
export type TopicPage = z.infer<typeof T.TopicPage>;
export type OutlierList = z.infer<typeof T.OutlierList>;
export type CurationResult = z.infer<typeof T.CurationResult>;

export type Preview = z.infer<typeof I.Preview>;
export type Mapping = Preview['mapping'];
export type ImportJob = z.infer<typeof I.Job>;
export type ImportJobList = z.infer<typeof I.JobList>;
export type ImportCheck = z.infer<typeof I.CheckResult>;
export type ImportReport = z.infer<typeof I.ImportReport>;
export type PresetList = z.infer<typeof I.PresetList>;
export type RunList = z.infer<typeof I.RunList>;
export type RunRow = z.infer<typeof I.RunRow>;
export type RunDetail = z.infer<typeof I.RunDetail>;
export type RejectList = z.infer<typeof I.RejectList>;
export type UndoPlan = z.infer<typeof I.UndoPlan>;
export type KeptVersions = z.infer<typeof I.KeptVersions>;
export type PruneResult = z.infer<typeof I.PruneResult>;
export type UndoResult = z.infer<typeof I.UndoResult>;
export type ParquetExportResult = z.infer<typeof E.ParquetExportResult>;
export type EarlierExportList = z.infer<typeof E.EarlierExportList>;
export type BackupList = z.infer<typeof B.BackupList>;
export type BackupResult = z.infer<typeof B.BackupResult>;
export type TokenList = z.infer<typeof Tk.TokenList>;
export type CreatedToken = z.infer<typeof Tk.CreatedToken>;
export type UnitList = z.infer<typeof Un.UnitList>;
export type LastTopicRun = z.infer<typeof T.LastTopicRun>;
export type TopicRunJob = z.infer<typeof T.TopicRunJob>;
export type CurrentTopicRun = z.infer<typeof T.CurrentTopicRun>;
export type SetUnitResult = z.infer<typeof Un.SetUnitResult>;
export type SetUnitsResult = z.infer<typeof Un.SetUnitsResult>;

export type UserRow = z.infer<typeof U.UserRow>;
export type UserList = z.infer<typeof U.UserList>;
export type CreateUserBody = z.input<typeof U.CreateUserBody>;
export type UpdateUserBody = z.input<typeof U.UpdateUserBody>;
export type AuditList = z.infer<typeof U.AuditList>;

export type MeetingList = z.infer<typeof M.MeetingList>;
export type MeetingSummary = z.infer<typeof M.MeetingSummary>;
export type Meeting = z.infer<typeof M.Meeting>;
export type MeetingDetail = z.infer<typeof M.MeetingDetail>;
export type AgendaItem = z.infer<typeof M.AgendaItem>;
export type Decision = z.infer<typeof M.Decision>;
export type InvitedUnits = z.infer<typeof M.InvitedUnits>;
export type MeetingFollowUp = z.infer<typeof M.MeetingFollowUp>;
export type DecisionOutcomes = z.infer<typeof M.DecisionOutcomes>;
export type DecisionFollowUp = z.infer<typeof M.DecisionFollowUp>;
export type ProposalResult = z.infer<typeof M.ProposalResult>;
export type CreateMeetingBody = z.input<typeof M.CreateMeetingBody>;
export type DecideBody = z.input<typeof M.DecideBody>;
export type RuleList = z.infer<typeof R.RuleList>;
export type RouteSuggestion = z.infer<typeof R.RouteSuggestion>;
