/** The buyer pages' texts (namespace `buyer`); buyerEn carries the same keys. */
export const buyerVi = {
  nav: 'Cơ quan đặt hàng',
};

export const buyerEn: typeof buyerVi = {
  nav: 'Buyer',
};
