/**
 * Messages of the victims module's lists and registries (file list, reception form, referral inbox,
 * facilities, support rates, deadline settings, statistics). `victimsEn` must carry the same keys.
 * Code lists (reception ways, forms of exploitation, support types…) take their labels from the
 * domain's `*_LABELS` records through `pickLabel`, never from here.
 */
export const victimsVi = {
  title: 'Hồ sơ nạn nhân',
};

export const victimsEn: typeof victimsVi = {
  title: 'Victim files',
};
