/** The vendor pages' texts (namespace `vendor`); vendorEn carries the same keys. */
export const vendorVi = {
  nav: 'Nhà cung cấp',
};

export const vendorEn: typeof vendorVi = {
  nav: 'Vendor',
};
