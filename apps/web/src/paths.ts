/** The web application's addresses (Vietnamese, as users read them). */
export const paths = {
  home: '/',
  catalogue: '/giai-phap',
  solution: (id: string) => `/giai-phap/${id}`,
  problems: '/bai-toan',
  calls: '/loi-moi',
  contracts: '/hop-dong',
  rankings: '/xep-hang',
  changes: '/nhat-ky',
  openData: '/du-lieu-mo',
  login: '/dang-nhap',
  dashboard: '/lanh-dao',
  vendorTrust: (id: string) => `/lanh-dao/nha-cung-cap/${id}`,
};
