/**
 * Messages of a victim file's care tabs (consents, referrals, support and facility stays, follow-up
 * and repatriation). `victimCareEn` must carry the same keys. Code lists take their labels from the
 * domain's `*_LABELS` through `pickLabel`.
 */
export const victimCareVi = {
  consents: 'Sự đồng ý',
};

export const victimCareEn: typeof victimCareVi = {
  consents: 'Consents',
};
