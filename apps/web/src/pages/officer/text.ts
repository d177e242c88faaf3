/** The officer pages' texts (namespace `officer`); officerEn carries the same keys. */
export const officerVi = {
  nav: 'Nghiệm thu',
};

export const officerEn: typeof officerVi = {
  nav: 'Acceptance',
};
