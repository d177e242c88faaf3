/** Where the officer's pages live, under the area's home. */
export const officerPaths = {
  home: '/nghiem-thu',
  awaiting: '/nghiem-thu/cho-ky',
  order: (orderId: string) => `/nghiem-thu/don-hang/${orderId}`,
};
