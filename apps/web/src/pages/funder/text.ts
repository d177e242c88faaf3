/** The funder pages' texts (namespace `funder`); funderEn carries the same keys. */
export const funderVi = {
  nav: 'Đồng tài trợ',
};

export const funderEn: typeof funderVi = {
  nav: 'Co-funding',
};
