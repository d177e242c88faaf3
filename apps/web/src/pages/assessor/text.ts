/** The assessor pages' texts (namespace `assessor`); assessorEn carries the same keys. */
export const assessorVi = {
  nav: 'Tiền kiểm',
};

export const assessorEn: typeof assessorVi = {
  nav: 'Pre-check',
};
