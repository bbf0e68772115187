import { Typography } from 'antd';
import type { DraftIssue } from './template-draft.ts';

/** The checks' messages about one element (optionally one of its fields), under its inputs. */
export function IssueText({
  issues,
  field,
  testId,
}: {
  issues: readonly DraftIssue[] | undefined;
  field?: string | null;
  testId?: string;
}) {
  const shown = (issues ?? []).filter((issue) => field === undefined || issue.field === field);
  if (shown.length === 0) return null;
  return (
    <div role="alert" data-testid={testId}>
      {shown.map((issue, index) => (
        <Typography.Text key={index} type="danger" style={{ display: 'block', fontSize: 12 }}>
          {issue.message}
        </Typography.Text>
      ))}
    </div>
  );
}

/** The messages of an element not shown next to one of the listed fields (whole-element messages). */
export function otherIssues(issues: readonly DraftIssue[] | undefined, fields: readonly string[]): DraftIssue[] {
  return (issues ?? []).filter((issue) => !issue.field || !fields.includes(issue.field));
}
