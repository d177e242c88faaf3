import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { Answer, Failure, Group, GroupScore, Requirement, SubmissionStatus, Weights } from './contracts/precheck';

/** One immutable version of a category's requirements and decision rule; a change is a new version. */
@Entity({ schema: 'precheck', name: 'requirement_sets' })
@Unique('requirement_sets_category_version_key', ['categoryCode', 'version'])
export class RequirementSet {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  categoryCode: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  requirements: Requirement[];

  @Column({ type: 'jsonb' })
  weights: Weights;

  @Column({ type: 'smallint' })
  groupMark: number;

  @Column({ type: 'smallint' })
  totalMark: number;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ schema: 'precheck', name: 'submissions' })
@Index('submissions_one_open_per_solution', ['solutionId'], {
  unique: true,
  where: "status IN ('SUBMITTED', 'UNDER_REVIEW')",
})
@Index('submissions_awaiting_assignment_idx', ['createdAt'], { where: "status = 'SUBMITTED'" })
export class Submission {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  solutionId: string;

  @Column({ type: 'integer' })
  solutionVersion: number;

  @Index('submissions_vendor_idx')
  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  categoryCode: string;

  @Column({ type: 'uuid', nullable: true })
  requirementSetId: string | null;

  @Column({ type: 'text' })
  status: SubmissionStatus;

  /** The answers and the solution exactly as submitted; later edits never change what was checked. */
  @Column({ type: 'jsonb' })
  answers: Record<string, Answer>;

  @Column({ type: 'jsonb' })
  solutionSnapshot: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  failures: Failure[];

  /** A re-check after listing scores only these groups and keeps the checked version's totals for the others. */
  @Column({ type: 'jsonb', nullable: true })
  changedGroups: Group[] | null;

  @Column({ type: 'uuid', nullable: true })
  previousSubmissionId: string | null;

  /** Per group, the sum of the assessors' scores the decision used. */
  @Column({ type: 'jsonb', nullable: true })
  groupTotals: Record<Group, number> | null;

  @Column({ type: 'smallint', nullable: true })
  qualityScore: number | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ schema: 'precheck', name: 'assignments' })
@Unique('assignments_submission_assessor_key', ['submissionId', 'assessorUserId'])
export class Assignment {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @Index('assignments_assessor_idx')
  @Column({ type: 'uuid' })
  assessorUserId: string;

  @Column({ type: 'jsonb', nullable: true })
  scores: GroupScore[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  scoredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A declared link between an assessor and a vendor organisation; such an assessor never scores that vendor. */
@Entity({ schema: 'precheck', name: 'assessor_conflicts' })
export class AssessorConflict {
  @PrimaryColumn({ type: 'uuid' })
  assessorUserId: string;

  @PrimaryColumn({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  declaredBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
