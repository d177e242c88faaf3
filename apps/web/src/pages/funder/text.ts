/** The funder pages' texts (namespace `funder`); funderEn carries the same keys. */
export const funderVi = {
  nav: 'Đồng tài trợ',
  menu: 'Trang của nhà đồng tài trợ',
  order: 'Đơn hàng {{id}}',
  pool: {
    title: 'Quỹ đồng tài trợ',
    available: 'Quỹ khả dụng',
    hint: 'Tiền nộp vào quỹ được cam kết cho đơn hàng; khi đơn hàng được ký, phần cam kết chuyển vào ký quỹ; khi đơn hàng kết thúc, phần chưa trả cho nhà cung cấp được hoàn lại quỹ theo tỷ lệ đóng góp.',
    statement: 'Sao kê quỹ: tiền vào, tiền cam kết và tiền hoàn lại',
  },
  orders: { title: 'Đơn hàng tài trợ' },
  pledge: {
    title: 'Cam kết vốn đồng tài trợ',
    amount: 'Số tiền cam kết (đồng)',
    hint: 'Số nguyên đồng, không vượt giá trị tối đa của đơn hàng. Cam kết là một phần điều khoản hai bên ký.',
    submit: 'Cam kết tài trợ',
    current: 'Quỹ đã cam kết {{amount}} cho đơn hàng này.',
    withdraw: 'Rút cam kết',
    moved: 'Quỹ đã góp {{amount}} vào ký quỹ của đơn hàng này.',
  },
};

export const funderEn: typeof funderVi = {
  nav: 'Co-funding',
  menu: 'Co-funder pages',
  order: 'Order {{id}}',
  pool: {
    title: 'Co-funding pool',
    available: 'Available in the pool',
    hint: 'Money deposited into the pool is pledged to orders; when an order is signed its pledge moves into escrow; when it ends, what was not paid to the vendor returns to the pool pro rata.',
    statement: 'Pool statement: money in, pledged and returned',
  },
  orders: { title: 'Funded orders' },
  pledge: {
    title: 'Co-funding pledge',
    amount: 'Amount pledged (đồng)',
    hint: 'Whole đồng, at most the order’s maximum amount. The pledge is part of the terms both parties sign.',
    submit: 'Pledge',
    current: 'The pool has pledged {{amount}} to this order.',
    withdraw: 'Withdraw the pledge',
    moved: 'The pool put {{amount}} into this order’s escrow.',
  },
};
