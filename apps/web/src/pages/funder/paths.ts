/** The co-funder pages' addresses (Vietnamese, under the area's home). */
const home = '/dong-tai-tro';

export const funderPaths = {
  home,
  orders: `${home}/don-hang`,
  order: (id: string) => `${home}/don-hang/${id}`,
};
