import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { pdfText } from '../../support/pdf-text';
import { expect, signInAs } from '../fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel keeps a date cell as the wall-clock time it shows; the officer's spreadsheet shows Vietnam time. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** The preview lists the first rows that would be stored, at most this many. */
const PREVIEW_ROWS = 20;

export interface XlsxFile {
  name: string;
  buffer: Buffer;
}

const SECOND = 1000;

/**
 * An officer's spreadsheet as Excel saves it: a "Số liệu" sheet with the Vietnamese headers and one row per reading
 * (date cells shown dd/mm/yyyy hh:mm:ss). A KPI has one reading per second: its readings are a second apart, from the
 * first whole second after `since` when given, else ending a second ago.
 */
export async function measurementWorkbook(
  readings: Record<string, Array<number | string>>,
  name = 'so-lieu-nghiem-thu.xlsx',
  since?: Date,
): Promise<XlsxFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Số liệu');
  sheet.addRow(['Mã KPI', 'Thời gian đo', 'Giá trị']);
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy hh:mm:ss';
  for (const [kpi, values] of Object.entries(readings)) {
    const first = since
      ? Math.ceil(since.getTime() / SECOND) * SECOND
      : (Math.floor(Date.now() / SECOND) - values.length) * SECOND;
    values.forEach((value, i) => sheet.addRow([kpi, new Date(first + i * SECOND + VIETNAM_OFFSET_MS), value]));
  }
  return { name, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** Drops the file on the page's drop zone, as dragging it from the file manager does. */
export async function dropFile(page: Page, file: XlsxFile, type = XLSX): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name, mime }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mime }));
      return transfer;
    },
    { bytes: [...file.buffer], name: file.name, mime: type },
  );
  await page.getByText('Kéo và thả tệp vào đây, hoặc chọn tệp.').dispatchEvent('drop', { dataTransfer });
}

/** Signs in as the officer and opens the measuring page of the order on the problem titled `problemTitle`. */
export async function openOrderToMeasure(page: Page, officerEmail: string, problemTitle: string): Promise<void> {
  await signInAs(page, officerEmail);
  await expect(page).toHaveURL(/\/nghiem-thu$/);
  const title = problemTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('link', { name: new RegExp(`^Đo và nghiệm thu: .*${title}`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(problemTitle);
}

export interface OfficerRecordStep {
  officerEmail: string;
  /** the order's problem title, as the officer's list of orders shows it */
  problemTitle: string;
  /** per KPI key the values measured in the round (enough points for each KPI's record) */
  readings: Record<string, Array<number | string>>;
  /** when the round's measuring began (the order's last signature); readings are taken after it */
  since?: Date;
}

/**
 * The acceptance officer's step of the journey: drops an XLSX file of the first open round's readings, checks the
 * preview, confirms, signs the record the system evaluates from it, downloads the biên bản PDF and returns its text.
 */
export async function uploadXlsxSignAndDownloadRecord(page: Page, step: OfficerRecordStep): Promise<string> {
  await openOrderToMeasure(page, step.officerEmail, step.problemTitle);
  const rows = Object.values(step.readings).flat().length;
  // Readings cannot lie in the future: the clock must have passed the last one taken since the round began.
  const longest = Math.max(...Object.values(step.readings).map((values) => values.length));
  if (step.since) {
    const lastReading = step.since.getTime() + (longest + 1) * SECOND;
    await expect.poll(() => Date.now(), { timeout: (longest + 5) * SECOND }).toBeGreaterThan(lastReading);
  }
  const file = await measurementWorkbook(step.readings, undefined, step.since);
  await dropFile(page, file);
  const preview = page.getByTestId('upload-preview');
  await expect(preview).toContainText(`${rows} dòng hợp lệ, 0 dòng bị từ chối`);
  await expect(preview.getByRole('row')).toHaveCount(Math.min(rows, PREVIEW_ROWS) + 1);
  await page.getByRole('button', { name: 'Xác nhận tải lên' }).click();
  await expect(page.getByText(`Đã lưu ${rows} dòng số liệu`)).toBeVisible();

  const record = page.getByRole('article', { name: /^Kỳ đo số \d+ — phiên bản \d+$/ }).first();
  await record.getByRole('checkbox', { name: /Tôi đã xem xét biên bản/ }).check();
  await record.getByRole('button', { name: 'Ký biên bản' }).click();
  await expect(record.getByText('Đã ký biên bản.')).toBeVisible();

  const download = page.waitForEvent('download');
  await record.getByRole('button', { name: 'Tải biên bản (PDF)' }).click();
  const pdf = await fs.readFile(await (await download).path());
  return pdfText(pdf);
}
