import { checkPage, expect, test } from './fixtures';

/** Latin letters without Vietnamese diacritics: "Giám sát" → "Giam sat". */
const withoutDiacritics = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

test.describe('public pages render the demo data', () => {
  test('home: what the Chợ is and its figures today', async ({ page, request }) => {
    const solutions = ((await (await request.get('/solutions?limit=200')).json()) as { items: unknown[] }).items;
    await page.goto('/');
    await checkPage(page, 'home', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chợ chuyển đổi số của Thành phố');
      await expect(page.getByTestId('figure-solutions')).toHaveText(String(solutions.length));
    });
  });

  test('catalogue: a search without diacritics finds a solution written with them', async ({ page, request }) => {
    const [solution] = (
      (await (await request.get('/solutions')).json()) as { items: Array<{ id: string; name: string }> }
    ).items;
    const plain = withoutDiacritics(solution.name);
    expect(plain).not.toBe(solution.name);
    await page.goto('/giai-phap');
    await checkPage(page, 'catalogue', async () => {
      await expect(page.getByTestId('catalogue-results').locator('li').first()).toBeVisible();
    });
    await page.getByLabel('Tìm kiếm (có hoặc không dấu)').fill(plain);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(page.getByTestId('catalogue-results').getByRole('link', { name: solution.name })).toBeVisible();
    await expect(page).toHaveURL(/\?q=/);
  });

  test('catalogue filters narrow the results', async ({ page, request }) => {
    const inVietnam = (await (await request.get('/catalog/search?makeInVietnam=true&limit=100')).json()) as {
      items: Array<{ name: string }>;
    };
    await page.goto('/giai-phap');
    await page.getByLabel('Make in Vietnam').selectOption('true');
    await expect(page.getByTestId('catalogue-results').locator('li')).toHaveCount(Math.min(inVietnam.items.length, 20));
  });

  test('solution page: vendor, version, KPIs, documents with SHA-256, trust label', async ({ page, request }) => {
    const [solution] = (
      (await (await request.get('/solutions')).json()) as { items: Array<{ id: string; name: string }> }
    ).items;
    const documents = (await (await request.get(`/solutions/${solution.id}/documents`)).json()) as Array<{
      sha256: string;
    }>;
    await page.goto(`/giai-phap/${solution.id}`);
    await checkPage(page, 'solution', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(solution.name);
      await expect(page.getByTestId('trust-label')).not.toBeEmpty();
      for (const document of documents) await expect(page.getByText(`SHA-256 ${document.sha256}`)).toBeVisible();
    });
  });

  test('problems with KPIs and budget envelopes', async ({ page }) => {
    await page.goto('/bai-toan');
    await checkPage(page, 'problems', async () => {
      await expect(page.getByTestId('problems').locator(':scope > li').first()).toBeVisible();
      await expect(page.getByText(/\d+\.\d{3}\.\d{3}\sđ/).first()).toBeVisible();
    });
  });

  test('calls and awards with the score breakdown', async ({ page }) => {
    await page.goto('/loi-moi');
    await checkPage(page, 'calls', async () => {
      await expect(page.getByTestId('calls').locator('tbody tr').first()).toBeVisible();
      await expect(page.getByTestId('awards').getByText('Chi tiết điểm').first()).toBeVisible();
    });
  });

  test('contracts with results per round and payments', async ({ page }) => {
    await page.goto('/hop-dong');
    await checkPage(page, 'contracts', async () => {
      await expect(page.getByTestId('contracts').locator(':scope > li').first()).toBeVisible();
      await expect(page.getByText('Kết quả nghiệm thu theo kỳ').first()).toBeVisible();
      await expect(page.getByText('Thanh toán theo kết quả').first()).toBeVisible();
    });
  });

  test('rankings draw E and L per vendor', async ({ page }) => {
    await page.goto('/xep-hang');
    await checkPage(page, 'rankings', async () => {
      await expect(page.getByTestId('ranking-table').locator('tbody tr').first()).toBeVisible();
      await expect(
        page.getByRole('img', { name: 'Khoảng tín nhiệm [L, E] theo nhà cung cấp' }).locator('svg'),
      ).toBeVisible();
    });
  });

  test('change feed', async ({ page }) => {
    await page.goto('/nhat-ky');
    await checkPage(page, 'changes', async () => {
      await expect(page.getByTestId('changes').locator('tbody tr').first()).toBeVisible();
    });
  });

  test('open data: OCDS packages to download', async ({ page, request }) => {
    await page.goto('/du-lieu-mo');
    await checkPage(page, 'open-data', async () => {
      await expect(page.getByTestId('ocds-packages').getByRole('link').first()).toBeVisible();
    });
    const href = await page.getByTestId('ocds-packages').getByRole('link').first().getAttribute('href');
    const ocds = await request.get(href!);
    expect(ocds.status()).toBe(200);
    expect(((await ocds.json()) as { releases: unknown[] }).releases.length).toBeGreaterThan(0);
  });

  test('the language switch is remembered', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The city’s digital-transformation marketplace');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The city’s digital-transformation marketplace');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chợ chuyển đổi số của Thành phố');
  });

  test('an unknown address shows the app’s page, in Vietnamese', async ({ page }) => {
    await page.goto('/khong-co-trang-nay');
    await checkPage(page, 'not-found', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang này.');
    });
  });
});
