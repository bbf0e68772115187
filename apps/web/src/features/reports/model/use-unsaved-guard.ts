import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveGuard } from '../../../components/use-unsaved-guard.ts';

export { useSaveShortcut } from '../../../components/use-unsaved-guard.ts';

/** Asks before leaving a report with unsaved changes, saying how many there are. */
export function useUnsavedChangesGuard(isDirtyRef: RefObject<boolean>, count: number): void {
  const { t } = useTranslation();
  useLeaveGuard(
    isDirtyRef,
    () => ({
      title: t('reportWork.leave.title'),
      content: t('reportWork.leave.content', { count }),
      okText: t('reportWork.leave.ok'),
      cancelText: t('reportWork.leave.cancel'),
    }),
    'report-leave',
  );
}
