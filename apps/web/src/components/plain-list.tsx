import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

const LIST_STYLE: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const itemStyle = (isLast: boolean): CSSProperties => ({
  display: 'flex',
  flexWrap: 'wrap',
  justifyContent: 'space-between',
  gap: '4px 12px',
  padding: '8px 0',
  borderBottom: isLast ? 0 : '1px solid #f0f0f0',
});

/** A plain divided list of items (the antd list component is deprecated in v6.6). */
export function PlainList<T>({
  items,
  empty,
  render,
  itemKey,
  itemProps,
  testId,
}: {
  items: T[];
  empty: ReactNode;
  render: (item: T) => ReactNode;
  itemKey?: (item: T, index: number) => string | number;
  itemProps?: (item: T) => Record<string, string>;
  testId?: string;
}) {
  if (items.length === 0)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {empty}
      </Typography.Text>
    );
  return (
    <ul style={LIST_STYLE} data-testid={testId}>
      {items.map((item, index) => (
        <li key={itemKey ? itemKey(item, index) : index} style={itemStyle(index === items.length - 1)} {...itemProps?.(item)}>
          {render(item)}
        </li>
      ))}
    </ul>
  );
}
