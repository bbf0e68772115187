import { useBlocker } from '@tanstack/react-router';
import { App } from 'antd';
import { useEffect, useRef, type RefObject } from 'react';

/** The words of the "leave without saving?" dialog, read when it opens (so counts are current). */
export interface LeaveConfirmation {
  title: string;
  content: string;
  okText: string;
  cancelText: string;
}

/**
 * Asks before leaving a page with unsaved input: in-app navigation gets a confirmation dialog
 * (buttons `<testIdPrefix>-confirm` to leave, `<testIdPrefix>-cancel` to stay), closing or reloading
 * the tab the browser's own prompt. Set `isDirtyRef.current = false` before navigating away on
 * purpose (after saving), or the guard asks then too.
 */
export function useLeaveGuard(isDirtyRef: RefObject<boolean>, confirmation: () => LeaveConfirmation, testIdPrefix: string): void {
  const { modal } = App.useApp();
  const confirmationRef = useRef(confirmation);
  confirmationRef.current = confirmation;
  useBlocker({
    shouldBlockFn: () => {
      if (!isDirtyRef.current) return false;
      const { title, content, okText, cancelText } = confirmationRef.current();
      return new Promise<boolean>((resolve) => {
        modal.confirm({
          title,
          content,
          okText,
          cancelText,
          okButtonProps: { danger: true, 'data-testid': `${testIdPrefix}-confirm` },
          cancelButtonProps: { 'data-testid': `${testIdPrefix}-cancel` },
          onOk: () => resolve(false),
          onCancel: () => resolve(true),
        });
      });
    },
    enableBeforeUnload: () => isDirtyRef.current,
  });
}

/** Ctrl+S (⌘S) saves instead of opening the browser's "save page" dialog. */
export function useSaveShortcut(isEnabled: boolean, save: () => void | Promise<void>): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (!isEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isEnabled]);
}
