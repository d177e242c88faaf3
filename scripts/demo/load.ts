/**
 * Demo data loader: a living marketplace built through the public HTTP API only.
 *
 *   API_URL=http://localhost:3000 DATABASE_URL=postgres://… node --require tsx/cjs scripts/demo/load.ts
 *
 * Idempotent: every step looks first and creates only what is missing, so a second run creates nothing and
 * prints the same logins. The only direct database write is `bootstrapOperator` (the first operator admin).
 */
import { Pool } from 'pg';
import {
  ApiError,
  bootstrapOperator,
  MarketplaceClient,
  OPERATOR_EMAIL,
  PASSWORD,
  validTaxCode,
  type Created,
  everyPage,
} from '@app/test-support';
import { DAY_MS, openCallDeadline, quickCallDeadline } from './dates';
import { problemBody, readSeed, type SeedProblem } from './seed';

// ---------------------------------------------------------------------------------------------------------------
// API shapes the loader reads

interface OrganisationView {
  id: string;
  type: string;
  name: string;
}
interface UserView {
  email: string;
}
interface SolutionView {
  id: string;
  name: string;
  status: string;
}
interface SubmissionView {
  id: string;
  solutionId: string;
  status: string;
  assessments: Array<{ assessorUserId: string; scoredAt: string | null }>;
}
/** Who owns the data each demo KPI is measured from: the ordering agency, as in Appendix I. */
const DEMO_DATA_OWNER = 'Cơ quan đặt hàng (chủ quản hệ thống dữ liệu)';
interface ProblemView {
  id: string;
  code: string;
  deadline: string | null;
  agencyOrganisationId: string;
  kpis: Array<{ code: string; baseline: string | null; binary: boolean }>;
}
interface CallView {
  id: string;
  problemId: string;
  status: 'OPEN' | 'AWARDED' | 'CANCELLED';
  deadline: string;
}
interface OfferView {
  id: string;
  vendorOrganisationId: string;
  status: string;
}
interface OrderView {
  id: string;
  status: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  maxAmount: string;
  termsHash: string;
  escrowBalance: string;
  signatures: Array<{ party: 'AGENCY' | 'VENDOR' }>;
  funding: { city: string; cofunders: Array<{ funderOrganisationId: string; amount: string }> };
  terms: { problemId: string; callId: string; rounds: Array<{ no: number; startsAt: string; endsAt: string }> };
}
interface RecordView {
  roundNo: number;
  status: string;
  earnedCumulative: string;
  recordHash: string;
}
interface SettlementView {
  roundNo: number;
  amount: string;
  paidCumulative: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The cast

type RoleKey = 'OPERATOR_ADMIN' | 'ASSESSOR' | 'BUYER' | 'ACCEPTANCE_OFFICER' | 'CITY_VIEWER' | 'FUNDER' | 'VENDOR';

const ROLE_LABELS: Record<RoleKey, string> = {
  OPERATOR_ADMIN: 'Quản trị Chợ / Operator admin',
  ASSESSOR: 'Hội đồng tiền kiểm / Assessor',
  BUYER: 'Cơ quan đặt hàng / Buyer',
  ACCEPTANCE_OFFICER: 'Cán bộ nghiệm thu / Acceptance officer',
  CITY_VIEWER: 'Lãnh đạo Thành phố / City viewer',
  FUNDER: 'Nhà đồng tài trợ / Co-funder',
  VENDOR: 'Nhà cung cấp / Vendor',
};

interface PersonSpec {
  role: RoleKey;
  email: string;
  fullName: string;
}

interface OrganisationSpec {
  key: string;
  type: 'OPERATOR' | 'AGENCY' | 'CITY' | 'FUNDER' | 'VENDOR';
  name: string;
  taxCode?: boolean;
  people: PersonSpec[];
}

/** Ordering agencies named in problems.json: mail domain and the two officials of each. */
const AGENCY_DIRECTORY: Record<string, { slug: string; buyer: string; officer: string }> = {
  'Sở Khoa học và Công nghệ': { slug: 'sokhcn', buyer: 'Nguyễn Thị Thu Hà', officer: 'Trần Quốc Bảo' },
  'Công an Thành phố': { slug: 'congan', buyer: 'Lê Đức Thắng', officer: 'Phạm Văn Hùng' },
  'Trung tâm Phục vụ hành chính công Thành phố': {
    slug: 'ttpvhcc',
    buyer: 'Đỗ Thị Minh Ngọc',
    officer: 'Bùi Văn Tuấn',
  },
  'Sở Tài chính': { slug: 'sotaichinh', buyer: 'Ngô Thanh Hương', officer: 'Đặng Văn Khoa' },
  'Sở Y tế': { slug: 'soyte', buyer: 'Phan Thị Hồng Nhung', officer: 'Lý Minh Quân' },
  'Sở Công Thương': { slug: 'socongthuong', buyer: 'Trịnh Văn Long', officer: 'Hồ Thị Mai' },
  'UBND phường, xã': { slug: 'ubndphuongxa', buyer: 'Đinh Công Sơn', officer: 'Lương Thị Hạnh' },
  'Thuế Thành phố Hà Nội': { slug: 'thue', buyer: 'Vương Quốc Anh', officer: 'Mai Thị Thảo' },
  'Sở Nội vụ': { slug: 'sonoivu', buyer: 'Tạ Văn Dũng', officer: 'Chu Thị Yến' },
  'Sở Giáo dục và Đào tạo': { slug: 'sogddt', buyer: 'Kiều Thị Phương', officer: 'Dương Văn Toàn' },
};

/** An agency not in the directory still gets a stable ASCII mail domain. */
function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function agencySpec(name: string): OrganisationSpec {
  const known = AGENCY_DIRECTORY[name];
  const slug = known?.slug ?? slugOf(name);
  const domain = `${slug}.hanoi.gov.vn`;
  return {
    key: `agency:${name}`,
    type: 'AGENCY',
    name,
    people: [
      { role: 'BUYER', email: `dathang@${domain}`, fullName: known?.buyer ?? 'Nguyễn Văn Đặt' },
      { role: 'ACCEPTANCE_OFFICER', email: `nghiemthu@${domain}`, fullName: known?.officer ?? 'Trần Thị Nghiệm' },
    ],
  };
}

interface SolutionSpec {
  name: string;
  summary: string;
  categoryCode: string;
  kpis: Array<{
    metric: string;
    unit: string;
    direction: 'increase' | 'decrease';
    dataSource: string;
    measurementMethod: string;
    aggregation: 'mean' | 'sum' | 'last' | 'count' | 'ratio' | 'percentile';
    frequency: string;
    baselineMethod: string;
    minimumSample: number;
    evidenceFormat: string;
  }>;
  score: number;
  reason: string;
}

interface VendorSpec extends OrganisationSpec {
  solutions: SolutionSpec[];
}

const VENDORS: VendorSpec[] = [
  {
    key: 'vendor:thanglong',
    type: 'VENDOR',
    name: 'Công ty Cổ phần Giải pháp Số Thăng Long',
    taxCode: true,
    people: [{ role: 'VENDOR', email: 'kinhdoanh@thanglongso.vn', fullName: 'Trần Thị Bình' }],
    solutions: [
      {
        name: 'Điều khiển đèn tín hiệu thích ứng bằng AI',
        summary:
          'Camera AI đếm lưu lượng theo làn và tối ưu chu kỳ đèn theo thời gian thực tại các nút giao điểm nóng; kết nối Trung tâm điều hành giao thông và phát cảnh báo ùn tắc trên iHanoi.',
        categoryCode: 'giao-thong',
        kpis: [
          {
            metric: 'Chỉ số thời gian đi lại giờ cao điểm tại điểm nóng (thay đổi so với kỳ cơ sở)',
            unit: '%',
            direction: 'decrease',
            dataSource: 'Camera AI và cảm biến giao thông tại nút giao (tự động)',
            measurementMethod: 'Thời gian đi qua đoạn tuyến giờ cao điểm, đo mỗi 15 phút, so với trung bình kỳ cơ sở',
            aggregation: 'mean',
            frequency: 'daily',
            baselineMethod: 'Trung bình 6 tuần trước triển khai, có điểm đối chứng',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
          {
            metric: 'Giờ công xã hội tiết kiệm được',
            unit: 'triệu giờ/năm',
            direction: 'increase',
            dataSource: 'Mô hình hạch toán kinh tế từ dữ liệu lưu lượng',
            measurementMethod: 'Lưu lượng phương tiện × thời gian tiết kiệm mỗi lượt, quy đổi theo năm',
            aggregation: 'mean',
            frequency: 'monthly',
            baselineMethod: 'Bằng 0 tại thời điểm bắt đầu triển khai',
            minimumSample: 1,
            evidenceFormat: 'XLSX',
          },
        ],
        score: 86,
        reason:
          'Đủ năng lực (3 triển khai tham chiếu); hệ thống đạt cấp độ 3; KPI đo tự động bằng camera, có điểm đối chứng.',
      },
      {
        name: 'Cảnh báo sớm ngập úng đô thị theo thời gian thực',
        summary:
          'Cảm biến mực nước tại cống, hố ga và điểm trũng kết hợp dự báo mưa để cảnh báo ngập trước 30–60 phút, điều phối trạm bơm và thông tin tới người dân.',
        categoryCode: 'quan-ly-do-thi',
        kpis: [
          {
            metric: 'Số điểm ngập tái diễn trong khu vực triển khai (thay đổi so với kỳ cơ sở)',
            unit: '%',
            direction: 'decrease',
            dataSource: 'Cảm biến mực nước và nhật ký vận hành thoát nước',
            measurementMethod: 'Đếm điểm có mực nước vượt ngưỡng 20 cm trong các trận mưa > 50 mm',
            aggregation: 'last',
            frequency: 'monthly',
            baselineMethod: 'Số điểm ngập tái diễn mùa mưa năm trước',
            minimumSample: 1,
            evidenceFormat: 'JSON',
          },
          {
            metric: 'Thời gian cảnh báo trước khi ngập',
            unit: 'phút',
            direction: 'increase',
            dataSource: 'Nhật ký hệ thống cảnh báo (tự động)',
            measurementMethod: 'Chênh lệch giữa thời điểm phát cảnh báo và thời điểm mực nước vượt ngưỡng',
            aggregation: 'mean',
            frequency: 'daily',
            baselineMethod: 'Bằng 0 (chưa có cảnh báo trước triển khai)',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
        ],
        score: 78,
        reason: 'Đạt yêu cầu năng lực và an toàn thông tin; KPI đo được, cần bổ sung điểm đối chứng khi triển khai.',
      },
    ],
  },
  {
    key: 'vendor:songhong',
    type: 'VENDOR',
    name: 'Công ty TNHH Dữ liệu Sông Hồng',
    taxCode: true,
    people: [{ role: 'VENDOR', email: 'kinhdoanh@dulieusonghong.vn', fullName: 'Lê Hoàng Nam' }],
    solutions: [
      {
        name: 'Hồ sơ sức khỏe điện tử “sống” và chăm sóc người cao tuổi tại nhà',
        summary:
          'Liên thông dữ liệu khám chữa bệnh về hồ sơ sức khỏe điện tử của từng người dân, nhắc lịch khám, theo dõi chỉ số sức khỏe người cao tuổi từ xa qua thiết bị đeo.',
        categoryCode: 'y-te',
        kpis: [
          {
            metric: 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử được cập nhật trong 12 tháng',
            unit: '%',
            direction: 'increase',
            dataSource: 'Sổ sức khỏe điện tử / VNeID (tự động)',
            measurementMethod: 'Số hồ sơ có ít nhất một lần cập nhật trong 12 tháng / dân số khu vực triển khai',
            aggregation: 'last',
            frequency: 'monthly',
            baselineMethod: 'Trích xuất tại thời điểm ký hợp đồng',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
          {
            metric: 'Tỷ lệ hồ sơ có dữ liệu khám chữa bệnh phát sinh trong kỳ',
            unit: '%',
            direction: 'increase',
            dataSource: 'Sổ sức khỏe điện tử (tự động)',
            measurementMethod: 'Số hồ sơ có lượt khám mới trong kỳ / tổng số hồ sơ',
            aggregation: 'last',
            frequency: 'monthly',
            baselineMethod: 'Trung bình 3 tháng trước triển khai',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
        ],
        score: 88,
        reason:
          'Đã triển khai tại 2 quận; dữ liệu lưu trữ trong nước; KPI lấy tự động từ hệ thống, có phương pháp đo rõ ràng.',
      },
      {
        name: 'Bảng điều hành chỉ tiêu kinh tế – xã hội tự động',
        summary:
          'Kho dữ liệu dùng chung và dashboard điều hành tự động cập nhật các chỉ tiêu kinh tế – xã hội chủ yếu, thay thế báo cáo giấy định kỳ đối với dữ liệu đã số hóa.',
        categoryCode: 'dieu-hanh-so',
        kpis: [
          {
            metric: 'Tỷ lệ chỉ tiêu KT-XH chủ yếu được cập nhật tự động',
            unit: '%',
            direction: 'increase',
            dataSource: 'Nhật ký đồng bộ của kho dữ liệu tập trung',
            measurementMethod: 'Số chỉ tiêu có nguồn cập nhật tự động đúng kỳ / tổng số chỉ tiêu chủ yếu',
            aggregation: 'last',
            frequency: 'monthly',
            baselineMethod: 'Kiểm kê danh mục chỉ tiêu trước triển khai',
            minimumSample: 1,
            evidenceFormat: 'XLSX',
          },
          {
            metric: 'Số loại báo cáo giấy định kỳ còn duy trì',
            unit: 'báo cáo',
            direction: 'decrease',
            dataSource: 'Danh mục chế độ báo cáo (có minh chứng)',
            measurementMethod: 'Đếm chế độ báo cáo giấy còn hiệu lực với dữ liệu đã số hóa',
            aggregation: 'last',
            frequency: 'quarterly',
            baselineMethod: 'Danh mục chế độ báo cáo tại thời điểm ký hợp đồng',
            minimumSample: 1,
            evidenceFormat: 'PDF',
          },
        ],
        score: 81,
        reason:
          'Năng lực tích hợp dữ liệu tốt; KPI đo được; cần hoàn thiện kiểm thử xâm nhập trước khi vận hành chính thức.',
      },
    ],
  },
  {
    key: 'vendor:hotay',
    type: 'VENDOR',
    name: 'Công ty Cổ phần Trí tuệ Nhân tạo Hồ Tây',
    taxCode: true,
    people: [{ role: 'VENDOR', email: 'lienhe@aihotay.vn', fullName: 'Phạm Minh Châu' }],
    solutions: [
      {
        name: 'Trợ lý ảo hướng dẫn và điền sẵn hồ sơ thủ tục hành chính',
        summary:
          'Trợ lý ảo tiếng Việt hướng dẫn người dân chọn đúng thủ tục, tự động điền sẵn e-form từ cơ sở dữ liệu dùng chung và theo dõi hồ sơ đến khi trả kết quả.',
        categoryCode: 'dich-vu-cong',
        kpis: [
          {
            metric: 'Tỷ lệ hồ sơ xử lý toàn trình trực tuyến',
            unit: '%',
            direction: 'increase',
            dataSource: 'Hệ thống thông tin giải quyết TTHC (tự động)',
            measurementMethod: 'Hồ sơ toàn trình / tổng hồ sơ tiếp nhận trong kỳ',
            aggregation: 'last',
            frequency: 'monthly',
            baselineMethod: 'Trung bình 3 tháng trước triển khai',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
          {
            metric: 'Tỷ lệ trường e-form được điền sẵn từ CSDL dùng chung',
            unit: '%',
            direction: 'increase',
            dataSource: 'Cổng dịch vụ công (tự động)',
            measurementMethod: 'Số trường được điền sẵn / tổng số trường trên các e-form trong kỳ',
            aggregation: 'mean',
            frequency: 'weekly',
            baselineMethod: 'Khảo sát e-form hiện hành trước triển khai',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
          {
            metric: 'Chi phí tuân thủ TTHC của người dân, doanh nghiệp (thay đổi so với kỳ cơ sở)',
            unit: '%',
            direction: 'decrease',
            dataSource: 'Khảo sát chuẩn hóa + dữ liệu hệ thống',
            measurementMethod: 'Khảo sát mẫu ngẫu nhiên người nộp hồ sơ, quy đổi thời gian và chi phí đi lại',
            aggregation: 'mean',
            frequency: 'quarterly',
            baselineMethod: 'Khảo sát kỳ cơ sở trước triển khai',
            minimumSample: 1,
            evidenceFormat: 'XLSX',
          },
        ],
        score: 83,
        reason:
          'Doanh nghiệp khởi nghiệp sáng tạo, sản phẩm Make in Vietnam; mô hình ngôn ngữ chạy tại trung tâm dữ liệu trong nước; KPI đo được.',
      },
      {
        name: 'Trợ lý ảo cho giáo viên: giáo án, sổ điểm và báo cáo',
        summary:
          'Trợ lý ảo hỗ trợ giáo viên soạn giáo án, tổng hợp sổ điểm, lập báo cáo định kỳ và trả lời phụ huynh, giảm khối lượng công việc hành chính hằng ngày.',
        categoryCode: 'giao-duc',
        kpis: [
          {
            metric: 'Thời gian làm việc hành chính tiết kiệm được mỗi giáo viên',
            unit: 'giờ/ngày/giáo viên',
            direction: 'increase',
            dataSource: 'Nhật ký sử dụng trợ lý ảo và khảo sát giáo viên',
            measurementMethod: 'So sánh thời gian hoàn thành tác vụ hành chính có và không có trợ lý ảo',
            aggregation: 'mean',
            frequency: 'monthly',
            baselineMethod: 'Khảo sát thời gian làm việc 4 tuần trước triển khai',
            minimumSample: 1,
            evidenceFormat: 'XLSX',
          },
          {
            metric: 'Tỷ lệ giáo viên trong phạm vi thử nghiệm sử dụng hằng tuần',
            unit: '%',
            direction: 'increase',
            dataSource: 'Nhật ký hệ thống (tự động)',
            measurementMethod: 'Giáo viên có ít nhất 3 phiên trong tuần / tổng giáo viên trong phạm vi',
            aggregation: 'mean',
            frequency: 'weekly',
            baselineMethod: 'Bằng 0 khi bắt đầu thử nghiệm',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
        ],
        score: 79,
        reason:
          'Đạt yêu cầu; dữ liệu học sinh được ẩn danh; khảo sát thời gian cần mẫu tối thiểu 30 giáo viên khi triển khai.',
      },
    ],
  },
  {
    key: 'vendor:vienctdt',
    type: 'VENDOR',
    name: 'Viện Công nghệ Môi trường Đô thị',
    taxCode: true,
    people: [{ role: 'VENDOR', email: 'hoptac@viencongnghedothi.vn', fullName: 'Nguyễn Văn Thành' }],
    solutions: [
      {
        name: 'Mạng cảm biến bụi mịn PM2.5 và điều phối can thiệp ô nhiễm cục bộ',
        summary:
          'Mạng cảm biến PM2.5 chi phí thấp được hiệu chuẩn với trạm chuẩn, bản đồ ô nhiễm theo giờ và khuyến nghị can thiệp (phun rửa, phân luồng xe tải, kiểm soát đốt) cho phường.',
        categoryCode: 'moi-truong',
        kpis: [
          {
            metric: 'Nồng độ PM2.5 trung bình tại khu vực can thiệp (thay đổi so với kỳ cơ sở)',
            unit: '%',
            direction: 'decrease',
            dataSource: 'Mạng cảm biến đã hiệu chuẩn với trạm quan trắc chuẩn',
            measurementMethod: 'Trung bình 24 giờ của các cảm biến trong vùng can thiệp, so với vùng đối chứng',
            aggregation: 'mean',
            frequency: 'daily',
            baselineMethod: 'Trung bình 8 tuần trước can thiệp, hiệu chỉnh theo thời tiết',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
          {
            metric: 'Tỷ lệ thời gian trạm cảm biến truyền dữ liệu hợp lệ',
            unit: '%',
            direction: 'increase',
            dataSource: 'Nhật ký truyền dữ liệu (tự động)',
            measurementMethod: 'Số giờ có dữ liệu hợp lệ / tổng số giờ trong kỳ',
            aggregation: 'mean',
            frequency: 'daily',
            baselineMethod: 'Không áp dụng (chỉ số vận hành)',
            minimumSample: 1,
            evidenceFormat: 'CSV',
          },
        ],
        score: 91,
        reason:
          'Tổ chức khoa học công nghệ có phòng thí nghiệm hiệu chuẩn; phương pháp đo có vùng đối chứng; dữ liệu mở.',
      },
    ],
  },
];

const OPERATOR_KEY = 'operator';
const OPERATOR_PEOPLE: PersonSpec[] = [
  { role: 'ASSESSOR', email: 'tienkiem01@sokhcn.hanoi.gov.vn', fullName: 'Hoàng Minh Đức' },
  { role: 'ASSESSOR', email: 'tienkiem02@sokhcn.hanoi.gov.vn', fullName: 'Vũ Thị Lan Anh' },
];

const OTHER_ORGANISATIONS: OrganisationSpec[] = [
  {
    key: 'city',
    type: 'CITY',
    name: 'Văn phòng UBND Thành phố',
    people: [{ role: 'CITY_VIEWER', email: 'lanhdao@vpubnd.hanoi.gov.vn', fullName: 'Nguyễn Hữu Giang' }],
  },
  {
    key: 'funder',
    type: 'FUNDER',
    name: 'Quỹ Đầu tư Đổi mới sáng tạo Long Biên',
    people: [{ role: 'FUNDER', email: 'dongtaitro@quylongbien.vn', fullName: 'Cao Thị Bích Ngọc' }],
  },
];

const AGENCY_BUDGET = '20000000000';
const FUNDER_KEY = 'funder';
const FUNDER_DEPOSIT = '5000000000';

// ---------------------------------------------------------------------------------------------------------------
/**
 * The transport category's typed pre-check questions (capability, information security), so a vendor answering the
 * pre-check has something to answer. None is mandatory: a submission without answers still reaches the assessors,
 * as the demo's own solutions (submitted before the set exists) did.
 */
const TRANSPORT_REQUIREMENTS = {
  categoryCode: 'giao-thong',
  requirements: [
    {
      id: 'so-nam-hoat-dong',
      title: 'Số năm hoạt động',
      group: 'capability',
      type: 'number',
      scoring: 'automatic',
      min: 1,
    },
    { id: 'so-trien-khai', title: 'Số triển khai tham chiếu', group: 'capability', type: 'number', scoring: 'human' },
    {
      id: 'ho-so-nang-luc',
      title: 'Hồ sơ năng lực (PDF)',
      group: 'capability',
      type: 'document',
      scoring: 'automatic',
      allowedTypes: ['application/pdf'],
    },
    {
      id: 'cap-do-attt',
      title: 'Cấp độ an toàn hệ thống thông tin',
      group: 'security',
      type: 'enum',
      scoring: 'automatic',
      options: ['1', '2', '3', '4', '5'],
      accepted: ['3', '4', '5'],
    },
    { id: 'iso-27001', title: 'Có chứng nhận ISO/IEC 27001', group: 'security', type: 'boolean', scoring: 'human' },
    {
      id: 'kiem-thu-xam-nhap',
      title: 'Ngày kiểm thử xâm nhập gần nhất',
      group: 'security',
      type: 'date',
      scoring: 'automatic',
      maxAgeDays: 365,
    },
  ].map((r) => ({ ...r, mandatory: false })),
};

// Demo orders: one settled, one signed and running, one call open for offers

interface OrderPlan {
  problemCode: string;
  vendorKey: string;
  solutionName: string;
  stage: 'settled' | 'active' | 'open';
  price: string;
  durationDays: number;
  rounds: number;
  commitments: Array<{ kpiCode: string; target: string; baseline?: string }>;
  /** Round-1 measurement values per KPI code (stage 'settled'). */
  measurements?: Record<string, string[]>;
  /** The co-funder's pledge (vốn mồi leverage), made before the order is signed. */
  pledge?: string;
}

const ORDER_PLANS: OrderPlan[] = [
  {
    problemCode: 'BT-14',
    vendorKey: 'vendor:thanglong',
    solutionName: 'Điều khiển đèn tín hiệu thích ứng bằng AI',
    stage: 'settled',
    price: '3200000000',
    durationDays: 90,
    rounds: 1,
    commitments: [
      { kpiCode: 'K1', baseline: '0', target: '-12' },
      { kpiCode: 'K2', baseline: '0', target: '16' },
    ],
    // Partly met on purpose (K1 mean −10.6 of −12, K2 mean 13.5 of 16), so the record shows proportional pay.
    measurements: { K1: ['-9.6', '-10.8', '-11.4'], K2: ['13.1', '13.9'] },
  },
  {
    problemCode: 'BT-10',
    vendorKey: 'vendor:songhong',
    solutionName: 'Hồ sơ sức khỏe điện tử “sống” và chăm sóc người cao tuổi tại nhà',
    stage: 'active',
    price: '6500000000',
    durationDays: 360,
    rounds: 4,
    pledge: '1500000000',
    commitments: [
      { kpiCode: 'K1', baseline: '38', target: '92' },
      { kpiCode: 'K2', baseline: '12', target: '55' },
      { kpiCode: 'K3', target: '1' },
    ],
  },
  {
    problemCode: 'BT-04',
    vendorKey: 'vendor:hotay',
    solutionName: 'Trợ lý ảo hướng dẫn và điền sẵn hồ sơ thủ tục hành chính',
    stage: 'open',
    price: '5400000000',
    durationDays: 270,
    rounds: 3,
    commitments: [
      { kpiCode: 'K1', baseline: '52', target: '85' },
      { kpiCode: 'K2', baseline: '0', target: '-25' },
      { kpiCode: 'K3', baseline: '20', target: '65' },
      { kpiCode: 'K4', target: '82' },
    ],
  },
];

const ORDER_STATUS_LABELS: Record<OrderView['status'], string> = {
  DRAFT: 'chờ ký / DRAFT',
  ACTIVE: 'đang triển khai / ACTIVE',
  CLOSED: 'đã đóng / CLOSED',
};

const CALL_WINDOW_MS = 2_000;
const SETTLEMENT_WAIT_MS = 10_000;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const notes: string[] = [];

function dong(amount: string | bigint): string {
  const digits = BigInt(amount).toString();
  return `${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** Runs `work` over `items` with at most `limit` in flight (argon2 hashing makes user creation the slow part). */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// The loader

class DemoLoader {
  private readonly sessions = new Map<string, Promise<MarketplaceClient>>();
  private readonly organisations = new Map<string, OrganisationView>();
  private readonly logins: Array<{ role: RoleKey; organisation: string; email: string }> = [];
  private readonly created: Record<string, number> = {};
  private readonly problems = new Map<string, ProblemView>();
  private readonly outcomes = new Map<string, string>();

  constructor(
    private readonly client: MarketplaceClient,
    private readonly admin: MarketplaceClient,
    private readonly operatorOrganisationId: string,
    private readonly pool: Pool,
  ) {}

  private count(what: string, n = 1): void {
    this.created[what] = (this.created[what] ?? 0) + n;
  }

  /** One login per person per run; the login endpoint is rate-limited per IP. */
  private session(email: string): Promise<MarketplaceClient> {
    let session = this.sessions.get(email);
    if (!session) {
      session = this.login(email);
      this.sessions.set(email, session);
    }
    return session;
  }

  private async login(email: string): Promise<MarketplaceClient> {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.client.as(await this.client.login(email, PASSWORD));
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 429 || attempt > 12) throw error;
        if (attempt === 1) console.log('  … đăng nhập bị giới hạn tần suất, chờ / login rate-limited, waiting');
        await sleep(5_000);
      }
    }
  }

  private organisation(key: string): OrganisationView {
    const organisation = this.organisations.get(key);
    if (!organisation) throw new Error(`organisation ${key} was not set up`);
    return organisation;
  }

  private personOf(key: string, role: RoleKey): string {
    const organisation = this.organisation(key);
    const login = this.logins.find((l) => l.organisation === organisation.name && l.role === role);
    if (!login) throw new Error(`${key} has no ${role}`);
    return login.email;
  }

  async organisationsAndUsers(specs: OrganisationSpec[]): Promise<void> {
    const existing = await everyPage<OrganisationView>(this.admin, '/organisations', 200);
    const operator = existing.find((o) => o.id === this.operatorOrganisationId);
    if (!operator) throw new Error('the operator organisation is not visible to its admin');
    this.organisations.set(OPERATOR_KEY, operator);
    this.logins.push({ role: 'OPERATOR_ADMIN', organisation: operator.name, email: OPERATOR_EMAIL });

    for (const spec of specs) {
      if (spec.key === OPERATOR_KEY) continue;
      let organisation = existing.find((o) => o.type === spec.type && o.name === spec.name);
      if (!organisation) {
        organisation = await this.admin.post<OrganisationView>('/organisations', {
          type: spec.type,
          name: spec.name,
          ...(spec.taxCode ? { taxCode: validTaxCode() } : {}),
        });
        this.count('organisations');
      }
      this.organisations.set(spec.key, organisation);
    }

    const people = specs.flatMap((spec) => spec.people.map((person) => ({ spec, person })));
    const known = new Map<string, Set<string>>();
    await inBatches(specs, 4, async (spec) => {
      const users = await everyPage<UserView>(
        this.admin,
        `/organisations/${this.organisation(spec.key).id}/users`,
        200,
      );
      known.set(spec.key, new Set(users.map((u) => u.email)));
    });
    await inBatches(people, 4, async ({ spec, person }) => {
      if (known.get(spec.key)?.has(person.email)) return;
      await this.admin.post(`/organisations/${this.organisation(spec.key).id}/users`, {
        email: person.email,
        fullName: person.fullName,
        password: PASSWORD,
        roles: [person.role],
      });
      this.count('users');
    });
    for (const { spec, person } of people) {
      this.logins.push({ role: person.role, organisation: this.organisation(spec.key).name, email: person.email });
    }
  }

  async budgets(agencyKeys: string[]): Promise<void> {
    await inBatches(agencyKeys, 4, async (key) => {
      const agency = this.organisation(key);
      // The same reference is applied once by the ledger, so re-running never allocates twice.
      await this.admin.post(`/budgets/${agency.id}/allocations`, {
        amount: AGENCY_BUDGET,
        reference: `QĐ-DEMO/2026 cấp ngân sách đặt hàng – ${agency.name}`,
      });
    });
  }

  async funderDeposit(): Promise<void> {
    const funder = this.organisation(FUNDER_KEY);
    await this.admin.post(`/funders/${funder.id}/deposits`, {
      amount: FUNDER_DEPOSIT,
      reference: `UNC-DEMO/2026 vốn đồng tài trợ – ${funder.name}`,
    });
  }

  async solutions(assessorEmails: string[]): Promise<void> {
    const assessors = new Map<string, MarketplaceClient>();
    for (const email of assessorEmails) {
      const session = await this.session(email);
      assessors.set((await session.get<{ userId: string }>('/me')).userId, session);
    }
    for (const vendor of VENDORS) {
      const organisation = this.organisation(vendor.key);
      const listed = await everyPage<SolutionView>(this.client, `/solutions?vendor=${organisation.id}`, 200);
      if (vendor.solutions.every((s) => listed.some((l) => l.name === s.name))) continue;
      const session = await this.session(vendor.people[0].email);
      const mine = await session.get<SolutionView[]>('/vendor/solutions');
      for (const spec of vendor.solutions) {
        let solution = mine.find((s) => s.name === spec.name);
        if (!solution) {
          const { score: _score, reason: _reason, ...body } = spec;
          const kpis = body.kpis.map((kpi) => ({ ...kpi, dataOwner: DEMO_DATA_OWNER }));
          solution = await session.post<SolutionView>('/solutions', { ...body, kpis });
          this.count('solutions');
        }
        if (solution.status === 'DRAFT') {
          const submitted = await session.post<SubmissionView>('/precheck/submissions', { solutionId: solution.id });
          solution = { ...solution, status: submitted.status === 'UNDER_REVIEW' ? 'UNDER_REVIEW' : 'AUTO_REJECTED' };
        }
        if (solution.status === 'UNDER_REVIEW') {
          const { items: queue } = await this.admin.get<{ items: SubmissionView[] }>(
            `/precheck/submissions?solutionId=${solution.id}&limit=200`,
          );
          const submission = queue.find((s) => s.solutionId === solution.id && s.status === 'UNDER_REVIEW');
          if (!submission) throw new Error(`no open pre-check submission for "${spec.name}"`);
          for (const assessment of submission.assessments.filter((x) => x.scoredAt === null)) {
            const assessor = assessors.get(assessment.assessorUserId);
            if (!assessor) throw new Error(`"${spec.name}" was assigned to an assessor outside the demo`);
            await assessor.post(`/precheck/submissions/${submission.id}/scores`, {
              scores: ['capability', 'security', 'kpi'].map((group) => ({
                group,
                score: spec.score,
                reason: spec.reason,
              })),
            });
          }
          this.count('listings');
        } else if (solution.status !== 'LISTED') {
          notes.push(`"${spec.name}" is ${solution.status} at pre-check; left as is.`);
        }
      }
    }
  }

  /** The typed pre-check questions, added after the demo's own solutions were checked without them. */
  async requirementSets(): Promise<void> {
    const sets = await this.admin.get<{ items: unknown[] }>(
      `/precheck/requirement-sets?category=${TRANSPORT_REQUIREMENTS.categoryCode}&limit=1`,
    );
    if (sets.items.length > 0) return;
    await this.admin.post('/precheck/requirement-sets', TRANSPORT_REQUIREMENTS);
    this.count('requirement sets');
  }

  async catalogue(seed: SeedProblem[]): Promise<void> {
    const published = new Set((await this.publishedProblems()).map((p) => p.code));
    await inBatches(
      seed.filter((p) => !published.has(p.code)),
      4,
      async (problem) => {
        const agencyId = this.organisation(`agency:${problem.ordering_agency}`).id;
        const body = problemBody(problem, agencyId, Date.now(), notes);
        let id: string;
        try {
          id = (await this.admin.post<Created>('/problems', body)).id;
          this.count('problems');
        } catch (error) {
          if (!(error instanceof ApiError) || error.body.code !== 'PROBLEMS.CODE_TAKEN') throw error;
          id = await this.draftProblemId(problem.code);
        }
        await this.admin.post(`/problems/${id}/publish`);
      },
    );
    for (const problem of await this.publishedProblems()) this.problems.set(problem.code, problem);
  }

  /** Every published problem, page after page. */
  private publishedProblems(): Promise<ProblemView[]> {
    return everyPage<ProblemView>(this.client, '/problems', 200);
  }

  /**
   * A run interrupted between create and publish leaves a draft that no endpoint lists (GET /problems shows
   * published ones only), so its id is read from the database; it is then published through the API.
   */
  private async draftProblemId(code: string): Promise<string> {
    const { rows } = await this.pool.query<{ id: string; status: string }>(
      'SELECT id, status FROM problems.problems WHERE code = $1',
      [code],
    );
    if (!rows[0] || rows[0].status !== 'DRAFT')
      throw new Error(`problem ${code} exists but is neither published nor a draft`);
    return rows[0].id;
  }

  async orders(): Promise<void> {
    await Promise.all(ORDER_PLANS.map((plan) => this.order(plan)));
  }

  private async order(plan: OrderPlan): Promise<void> {
    const problem = this.problems.get(plan.problemCode);
    if (!problem) throw new Error(`problem ${plan.problemCode} is not published`);
    const agencyKey = [...this.organisations.entries()].find(([, o]) => o.id === problem.agencyOrganisationId)?.[0];
    if (!agencyKey) throw new Error(`the agency of ${plan.problemCode} is not a demo organisation`);
    const vendor = this.organisation(plan.vendorKey);
    const buyerEmail = this.personOf(agencyKey, 'BUYER');
    const vendorEmail = this.personOf(plan.vendorKey, 'VENDOR');
    const { items: calls } = await this.client.get<{ items: CallView[] }>(`/calls?problemId=${problem.id}&limit=200`);

    if (plan.stage === 'open') {
      let call = calls.find((c) => c.status === 'OPEN' && Date.parse(c.deadline) > Date.now() + DAY_MS);
      if (!call) {
        const deadline = openCallDeadline(problem.deadline, Date.now());
        if (!deadline) return this.tooLate(plan, problem);
        call = await this.openCall(buyerEmail, problem.id, deadline);
      }
      await this.ensureOffer(plan, call.id, vendorEmail, vendor.id);
      this.outcomes.set(
        plan.problemCode,
        `${plan.problemCode}: lời mời chào giá đang mở đến / call open until ${call.deadline.slice(0, 10)}, 1 hồ sơ chào / offer`,
      );
      return;
    }

    const { items: orders } = await this.admin.get<{ items: OrderView[] }>(`/orders?problemId=${problem.id}&limit=200`);
    const orderId =
      orders[orders.length - 1]?.id ??
      (await this.awardedOrder(plan, calls, buyerEmail, vendorEmail, vendor.id, problem));
    if (!orderId) return this.tooLate(plan, problem);

    let order = await this.admin.get<OrderView>(`/orders/${orderId}`);
    if (
      order.status === 'DRAFT' &&
      plan.pledge &&
      order.signatures.length === 0 &&
      order.funding.cofunders.length === 0
    ) {
      const funder = await this.session(this.personOf(FUNDER_KEY, 'FUNDER'));
      order = await funder.post<OrderView>(`/orders/${orderId}/pledges`, { amount: plan.pledge });
    }
    if (order.status === 'DRAFT') {
      const parties = [
        { party: 'AGENCY', email: buyerEmail },
        { party: 'VENDOR', email: vendorEmail },
      ];
      for (const { party, email } of parties) {
        if (order.signatures.some((s) => s.party === party)) continue;
        const signer = await this.session(email);
        order = await signer.post<OrderView>(`/orders/${orderId}/signatures`, { termsHash: order.termsHash });
      }
      this.count('signed orders');
    }
    if (plan.stage === 'active') {
      this.outcomes.set(
        plan.problemCode,
        `${plan.problemCode}: đơn hàng / order ${ORDER_STATUS_LABELS[order.status]}, ký quỹ / escrow ${dong(order.escrowBalance || '0')} (${plan.rounds} kỳ đo / rounds)`,
      );
      return;
    }

    if (order.status === 'ACTIVE') {
      const officerEmail = this.personOf(agencyKey, 'ACCEPTANCE_OFFICER');
      const records = await this.admin.get<RecordView[]>(`/orders/${orderId}/acceptance-records`);
      if (!records.some((r) => r.roundNo === 1)) await this.uploadRoundOne(plan, order, officerEmail);
      await this.signRoundOne(orderId, officerEmail);
    }
    const settled = await this.waitForSettlement(orderId);
    const after = await this.admin.get<OrderView>(`/orders/${orderId}`);
    this.outcomes.set(
      plan.problemCode,
      settled
        ? `${plan.problemCode}: đơn hàng / order ${ORDER_STATUS_LABELS[after.status]}, đã thanh toán theo kết quả / paid by results ${dong(settled.paidCumulative)} / ${dong(after.maxAmount)}`
        : `${plan.problemCode}: đơn hàng / order ${ORDER_STATUS_LABELS[after.status]}, chờ thanh toán (worker) / settlement still pending`,
    );
  }

  private async openCall(buyerEmail: string, problemId: string, deadline: Date): Promise<CallView> {
    const buyer = await this.session(buyerEmail);
    const call = await buyer.post<CallView>('/calls', { problemId, deadline: deadline.toISOString() });
    this.count('calls');
    return call;
  }

  /** A problem published by an earlier run whose deadline is now too close for a call is reported, not forced. */
  private tooLate(plan: OrderPlan, problem: ProblemView): void {
    this.outcomes.set(
      plan.problemCode,
      `${plan.problemCode}: bài toán hết hạn ${problem.deadline ?? ''}, không mở lời mời chào giá / problem closes too soon for a call`,
    );
  }

  private async ensureOffer(plan: OrderPlan, callId: string, vendorEmail: string, vendorId: string): Promise<string> {
    const session = await this.session(vendorEmail);
    const own = await session.get<OfferView[]>(`/calls/${callId}/offers`);
    const existing = own.find((o) => o.vendorOrganisationId === vendorId && o.status === 'SUBMITTED');
    if (existing) return existing.id;
    const solution = (await everyPage<SolutionView>(this.client, `/solutions?vendor=${vendorId}`, 200)).find(
      (s) => s.name === plan.solutionName,
    );
    if (!solution) throw new Error(`"${plan.solutionName}" is not listed`);
    const offer = await session.post<Created>(`/calls/${callId}/offers`, {
      solutionId: solution.id,
      price: plan.price,
      kpiCommitments: plan.commitments,
      durationDays: plan.durationDays,
      rounds: plan.rounds,
    });
    this.count('offers');
    return offer.id;
  }

  /** Call → offer → (deadline passes) → award; resumes a call an interrupted run left open. */
  private async awardedOrder(
    plan: OrderPlan,
    calls: CallView[],
    buyerEmail: string,
    vendorEmail: string,
    vendorId: string,
    problem: ProblemView,
  ): Promise<string | undefined> {
    const buyer = await this.session(buyerEmail);
    for (const call of calls.filter((c) => c.status === 'OPEN')) {
      if (Date.parse(call.deadline) > Date.now() + 60_000) continue;
      let offerId: string | undefined;
      if (Date.parse(call.deadline) > Date.now()) {
        offerId = await this.ensureOffer(plan, call.id, vendorEmail, vendorId);
        await sleep(Date.parse(call.deadline) - Date.now() + 100);
      } else {
        const offers = await buyer.get<OfferView[]>(`/calls/${call.id}/offers`);
        offerId = offers.find((o) => o.vendorOrganisationId === vendorId && o.status === 'SUBMITTED')?.id;
      }
      if (offerId) return this.award(buyer, call.id, offerId, plan);
    }
    const deadline = quickCallDeadline(problem.deadline, Date.now(), CALL_WINDOW_MS);
    if (!deadline) return undefined;
    const call = await this.openCall(buyerEmail, problem.id, deadline);
    const offerId = await this.ensureOffer(plan, call.id, vendorEmail, vendorId);
    await sleep(Math.max(0, Date.parse(call.deadline) - Date.now()) + 100);
    return this.award(buyer, call.id, offerId, plan);
  }

  /** The order shown as settled waives the dispute window (both parties sign that term); others keep 5 days. */
  private async award(buyer: MarketplaceClient, callId: string, offerId: string, plan: OrderPlan): Promise<string> {
    const order = await buyer.post<Created>(`/calls/${callId}/award`, {
      offerId,
      justification: 'Hồ sơ chào duy nhất đạt yêu cầu; cam kết KPI tốt hơn mục tiêu của bài toán, giá trong hạn mức.',
      ...(plan.stage === 'settled' ? { disputeWindowSeconds: 0 } : {}),
    });
    this.count('orders');
    return order.id;
  }

  /** Points spread between the round's start and now, so no observation lies in the future. */
  private async uploadRoundOne(plan: OrderPlan, order: OrderView, officerEmail: string): Promise<void> {
    const round = order.terms.rounds.find((r) => r.no === 1);
    if (!round || !plan.measurements) throw new Error(`${plan.problemCode}: no round 1 or no measurements planned`);
    const start = Date.parse(round.startsAt);
    const measurements = Object.entries(plan.measurements).flatMap(([kpi, values]) => {
      const step = Math.max(1, Math.floor((Date.now() - start) / (values.length + 1)));
      return values.map((value, i) => ({ kpi, observedAt: new Date(start + (i + 1) * step).toISOString(), value }));
    });
    const officer = await this.session(officerEmail);
    await officer.post(`/orders/${order.id}/rounds/1/measurements`, { measurements });
    this.count('measurement batches');
  }

  /** The officer signs the worker's record of round 1 once it exists (the worker evaluates asynchronously). */
  private async signRoundOne(orderId: string, officerEmail: string): Promise<void> {
    const officer = await this.session(officerEmail);
    const deadline = Date.now() + SETTLEMENT_WAIT_MS;
    for (;;) {
      const record = (await officer.get<RecordView[]>(`/orders/${orderId}/acceptance-records`)).find(
        (r) => r.roundNo === 1,
      );
      if (record && record.status !== 'EVALUATED') return;
      if (record) {
        await officer.post(`/orders/${orderId}/rounds/1/acceptance-record/signature`, {
          recordHash: record.recordHash,
        });
        this.count('signed acceptance records');
        return;
      }
      if (Date.now() > deadline) return;
      await sleep(200);
    }
  }

  private async waitForSettlement(orderId: string): Promise<SettlementView | undefined> {
    const deadline = Date.now() + SETTLEMENT_WAIT_MS;
    for (;;) {
      const settlements = await this.admin.get<SettlementView[]>(`/orders/${orderId}/settlements`);
      const first = settlements.find((s) => s.roundNo === 1);
      if (first || Date.now() > deadline) return first;
      await sleep(200);
    }
  }

  report(startedAt: number): void {
    const created = Object.entries(this.created).map(([what, n]) => `${n} ${what}`);
    console.log(
      `\nDữ liệu mẫu / Demo data: ${created.length ? `tạo mới / created ${created.join(', ')}` : 'không có gì mới / nothing new (already loaded)'}`,
    );
    console.log(`  ${this.problems.size} bài toán đã công bố / published problems`);
    for (const plan of ORDER_PLANS) {
      const outcome = this.outcomes.get(plan.problemCode);
      if (outcome) console.log(`  ${outcome}`);
    }
    for (const note of notes) console.log(`  Lưu ý / note: ${note}`);

    const rows = [
      ['Vai trò / Role', 'Tổ chức / Organisation', 'Email', 'Mật khẩu / Password'],
      ...this.logins.map((l) => [ROLE_LABELS[l.role], l.organisation, l.email, PASSWORD]),
    ].map((row) => row.map((cell) => cell.normalize('NFC')));
    const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
    const line = (row: string[]) =>
      row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd();
    console.log(`\nTài khoản demo / Demo logins (${this.logins.length})`);
    console.log(line(rows[0]));
    console.log(widths.map((w) => '─'.repeat(w)).join('  '));
    for (const row of rows.slice(1)) console.log(line(row));
    console.log(`\nNạp xong trong / loaded in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const apiUrl = (process.env.API_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const seed = readSeed();

  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const operator = await bootstrapOperator(pool, OPERATOR_EMAIL, PASSWORD);
    const client = new MarketplaceClient(apiUrl);
    const admin = client.as(await client.login(operator.email, operator.password));
    const loader = new DemoLoader(client, admin, operator.organisationId, pool);

    const agencies = [...new Set(seed.map((p) => p.ordering_agency))].map(agencySpec);
    const operatorSpec: OrganisationSpec = { key: OPERATOR_KEY, type: 'OPERATOR', name: '', people: OPERATOR_PEOPLE };
    console.log(`Nạp dữ liệu mẫu / loading demo data into ${apiUrl} …`);
    await loader.organisationsAndUsers([operatorSpec, ...agencies, ...OTHER_ORGANISATIONS, ...VENDORS]);
    await loader.budgets(agencies.map((a) => a.key));
    await loader.funderDeposit();
    await loader.solutions(OPERATOR_PEOPLE.map((p) => p.email));
    await loader.catalogue(seed);
    await loader.orders();
    await loader.requirementSets();
    loader.report(startedAt);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ApiError
      ? `${error.message}\n${JSON.stringify(error.body, null, 2)}`
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  console.error(`\nNạp dữ liệu mẫu thất bại / demo data load failed:\n${message}`);
  process.exit(1);
});
