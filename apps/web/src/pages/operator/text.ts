/** The operator pages' texts (namespace `operator`); operatorEn carries the same keys. */
export const operatorVi = {
  nav: 'Quản trị',
};

export const operatorEn: typeof operatorVi = {
  nav: 'Administration',
};
