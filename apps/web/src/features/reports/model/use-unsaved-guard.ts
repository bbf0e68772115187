import { useBlocker } from '@tanstack/react-router';
import { App } from 'antd';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks before leaving the page with unsaved changes: in-app navigation gets a confirmation dialog,
 * closing or reloading the tab the browser's own prompt.
 */
export function useUnsavedChangesGuard(isDirtyRef: RefObject<boolean>, count: number): void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const countRef = useRef(count);
  countRef.current = count;
  useBlocker({
    shouldBlockFn: () => {
      if (!isDirtyRef.current) return false;
      return new Promise<boolean>((resolve) => {
        modal.confirm({
          title: t('reportWork.leave.title'),
          content: t('reportWork.leave.content', { count: countRef.current }),
          okText: t('reportWork.leave.ok'),
          cancelText: t('reportWork.leave.cancel'),
          okButtonProps: { danger: true, 'data-testid': 'report-leave-confirm' },
          cancelButtonProps: { 'data-testid': 'report-leave-cancel' },
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
