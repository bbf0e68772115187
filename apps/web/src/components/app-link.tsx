import { useRouter } from '@tanstack/react-router';
import { Button, type ButtonProps } from 'antd';
import type { MouseEvent, ReactNode } from 'react';

/** A plain click (no modifier, left button) stays in the app; others let the browser open a tab. */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * A link to an in-app path that may carry a query (`/reports/schedules/new?planId=…`): a real
 * `<a href>` (middle-click, copy link, keyboard) whose plain clicks go through the router's history.
 */
export function AppLink({ to, children, testId, title }: { to: string; children: ReactNode; testId?: string; title?: string }) {
  const router = useRouter();
  return (
    <a
      href={to}
      title={title}
      data-testid={testId}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        router.history.push(to);
      }}
    >
      {children}
    </a>
  );
}

/** An antd button that is a link to an in-app path (see AppLink). */
export function AppLinkButton({ to, testId, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string; testId?: string }) {
  const router = useRouter();
  return (
    <Button
      {...props}
      href={to}
      data-testid={testId}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        router.history.push(to);
      }}
    />
  );
}
