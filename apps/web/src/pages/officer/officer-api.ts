import { useQuery } from '@tanstack/react-query';
import { api, ApiError, data } from '../../api/client';
import type { components } from '../../api/openapi';
import { session } from '../../auth/session';
import { usePaged } from '../../components/Paged';

export type OrderSummary = components['schemas']['OrderSummaryView'];
export type Order = components['schemas']['OrderView'];
export type RoundProgress = components['schemas']['RoundProgressView'];
export type AcceptanceRecord = components['schemas']['RecordView'];
export type Preview = components['schemas']['PreviewResultView'];
export type Uploaded = components['schemas']['UploadResultView'];
export type RowProblem = components['schemas']['RowProblemView'];

/** The signed terms as the API serves them (its OpenAPI document leaves them untyped). */
export interface OrderTerms {
  problemId: string;
  startsAt: string;
  endsAt: string;
  maxAmount: string;
  rounds: Array<{ no: number; startsAt: string; endsAt: string; shareBp: number }>;
  kpis: Array<{ key: string; nameVi: string; unit: string; target: string; baseline?: string | null }>;
}

export const termsOf = (order: OrderSummary) => order.terms as unknown as OrderTerms;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The body's content type the API reads it by, from the file's name (browsers label .csv inconsistently). */
export function contentTypeOf(file: File): string | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX;
  if (name.endsWith('.json')) return 'application/json';
  return file.type || undefined;
}

export interface UploadChoice {
  orderId: string;
  roundNo: number;
  file: File;
  locale: boolean;
  sheet: string;
  keepValid: boolean;
}

/** The file itself is the request body (streamed by the API), with the reading options as the query. */
function fileRequest({ orderId, roundNo, file, locale, sheet, keepValid }: UploadChoice) {
  return {
    params: {
      path: { orderId, roundNo },
      query: {
        ...(locale ? { locale: 'vi' as const } : {}),
        ...(sheet.trim() ? { sheet: sheet.trim() } : {}),
        ...(keepValid ? { keepValid: true } : {}),
      },
    },
    body: file as never,
    bodySerializer: (body: unknown) => body as File,
    headers: { 'content-type': contentTypeOf(file) ?? 'application/octet-stream' },
  };
}

export const previewUpload = (choice: UploadChoice): Promise<Preview> =>
  data(api.POST('/orders/{orderId}/rounds/{roundNo}/measurements/preview', fileRequest(choice)));

export const upload = (choice: UploadChoice): Promise<Uploaded> =>
  data(api.POST('/orders/{orderId}/rounds/{roundNo}/measurements', fileRequest(choice)));

export const signRecord = (record: AcceptanceRecord): Promise<AcceptanceRecord> =>
  data(
    api.POST('/orders/{orderId}/rounds/{roundNo}/acceptance-record/signature', {
      params: { path: { orderId: record.orderId, roundNo: record.roundNo } },
      body: { recordHash: record.recordHash },
    }),
  );

/** Active orders of the officer's organisation, newest first, a page at a time. */
export function useActiveOrders() {
  return usePaged(['officer', 'orders'], (cursor) =>
    data(api.GET('/orders', { params: { query: { status: 'ACTIVE', limit: 20, cursor } } })),
  );
}

export function useOrder(orderId: string) {
  return useQuery({
    queryKey: ['officer', 'order', orderId],
    queryFn: () => data(api.GET('/orders/{id}', { params: { path: { id: orderId } } })),
  });
}

export function useRounds(orderId: string) {
  return useQuery({
    queryKey: ['officer', 'rounds', orderId],
    queryFn: () => data(api.GET('/orders/{orderId}/rounds', { params: { path: { orderId } } })),
  });
}

export function useRecords(orderId: string, waitingForRound?: number) {
  return useQuery({
    queryKey: ['officer', 'records', orderId],
    queryFn: () => data(api.GET('/orders/{orderId}/acceptance-records', { params: { path: { orderId } } })),
    // After an upload the worker evaluates the round asynchronously: look again until its record is there.
    refetchInterval: (query) =>
      waitingForRound !== undefined && !query.state.data?.some((r) => r.roundNo === waitingForRound) ? 2000 : false,
  });
}

/** The record's PDF, fetched with the session's token and saved under the API's file name. */
export async function downloadRecordPdf(record: AcceptanceRecord): Promise<void> {
  const response = await fetch(`/orders/${record.orderId}/acceptance-records/${record.id}/pdf`, {
    headers: { authorization: `Bearer ${session.get()?.token ?? ''}` },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, problem.code ?? `HTTP.${response.status}`, problem.message ?? '');
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'bien-ban.pdf';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
