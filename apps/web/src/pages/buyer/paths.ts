/** The buyer pages' addresses (Vietnamese, under the area's home). */
const home = '/co-quan';

export const buyerPaths = {
  home,
  proposals: `${home}/de-xuat`,
  newProblem: `${home}/bai-toan/moi`,
  problem: (id: string) => `${home}/bai-toan/${id}`,
  calls: `${home}/loi-moi`,
  call: (id: string) => `${home}/loi-moi/${id}`,
  orders: `${home}/don-hang`,
  order: (id: string) => `${home}/don-hang/${id}`,
  budget: `${home}/ngan-sach`,
};
