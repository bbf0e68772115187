/**
 * Messages of one victim file's page (persons, reveal, identification, protection, consents,
 * referrals, support, follow-up, repatriation, documents, corrections, closing). `victimFileEn` must
 * carry the same keys. Code lists take their labels from the domain's `*_LABELS` through `pickLabel`.
 */
export const victimFileVi = {
  title: 'Hồ sơ {{reference}}',
};

export const victimFileEn: typeof victimFileVi = {
  title: 'File {{reference}}',
};
