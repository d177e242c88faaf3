import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  contractingProcesses,
  publicAcceptance,
  publicAwards,
  publicCalls,
  publicChanges,
  publicOrders,
  publicPayments,
  publicProblems,
  type PublicPageQuery,
} from './public-reads';
import { Clock, decodeCursor, encodeCursor, isUuid, type Page } from '@app/kernel';
import { AppConfig, Transactions } from '@app/platform';
import { RankingFacade, type RankingEntry } from '@app/ranking';
import { TransparencyErrors } from './contracts/transparency';
import { ocidOf, releasePackage } from './ocds';

export const PUBLIC_LISTS = {
  problems: publicProblems,
  calls: publicCalls,
  awards: publicAwards,
  orders: publicOrders,
  'acceptance-results': publicAcceptance,
  payments: publicPayments,
} as const;
export type PublicList = keyof typeof PUBLIC_LISTS;

const EXPORT_BATCH = 200;

/** Public read models: only what the public-read queries select, paged by an opaque cursor. */
@Injectable()
export class TransparencyFacade {
  constructor(
    private readonly tx: Transactions,
    private readonly ranking: RankingFacade,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(name: PublicList, cursor: string | undefined, limit: number): Promise<Page<object>> {
    const q = { after: this.afterId(cursor), limit };
    const read: (tx: EntityManager, q: PublicPageQuery) => Promise<Array<{ id: string }>> = PUBLIC_LISTS[name];
    const rows = await this.tx.run((tx) => read(tx, q));
    return { items: rows, nextCursor: rows.length === limit ? encodeCursor([rows[rows.length - 1].id]) : null };
  }

  /** Everything that changed after the cursor: the audit chain's public projection, oldest first. */
  async changes(cursor: string | undefined, limit: number): Promise<Page<object>> {
    const key = cursor === undefined ? null : decodeCursor(cursor);
    if (key === undefined || (key !== null && !/^\d+$/.test(String(key[0])))) throw TransparencyErrors.BAD_CURSOR();
    const rows = await this.tx.run((tx) => publicChanges(tx, key ? String(key[0]) : null, limit));
    return { items: rows, nextCursor: rows.length > 0 ? encodeCursor([rows[rows.length - 1].seq]) : (cursor ?? null) };
  }

  rankings(category?: string): Promise<RankingEntry[]> {
    return this.ranking.rankings({ scope: category });
  }

  async ocdsPackage(ocid: string): Promise<object> {
    const prefix = `${this.config.OCID_PREFIX}-`;
    const callId = ocid.startsWith(prefix) ? ocid.slice(prefix.length) : '';
    if (!isUuid(callId)) throw TransparencyErrors.PROCESS_NOT_FOUND(undefined, { ocid });
    const [process] = await this.tx.run((tx) => contractingProcesses(tx, [callId]));
    if (!process) throw TransparencyErrors.PROCESS_NOT_FOUND(undefined, { ocid });
    return releasePackage(process, {
      ocidPrefix: this.config.OCID_PREFIX,
      uri: this.packageUri(ocid),
      publishedDate: this.clock.now(),
    });
  }

  /** From the configured public address, never the request's Host header (which any caller can forge). */
  private packageUri(ocid: string): string {
    return `${this.config.PUBLIC_BASE_URL}/public/ocds/packages/${ocid}`;
  }

  /** Every contracting process's package, in batches, for a streamed bulk export. */
  async *allPackages(): AsyncGenerator<object> {
    let after: string | null = null;
    for (;;) {
      const q: PublicPageQuery = { after, limit: EXPORT_BATCH };
      const { callIds, processes } = await this.tx.run(async (tx) => {
        const ids = (await publicCalls(tx, q)).map((c) => c.id);
        return { callIds: ids, processes: await contractingProcesses(tx, ids) };
      });
      const publishedDate = this.clock.now();
      for (const p of processes) {
        const ocid = ocidOf(this.config.OCID_PREFIX, p.call.id);
        yield releasePackage(p, { ocidPrefix: this.config.OCID_PREFIX, uri: this.packageUri(ocid), publishedDate });
      }
      if (callIds.length < EXPORT_BATCH) return;
      after = callIds[callIds.length - 1];
    }
  }

  private afterId(cursor: string | undefined): string | null {
    if (cursor === undefined) return null;
    const key = decodeCursor(cursor);
    if (!key || !isUuid(key[0])) throw TransparencyErrors.BAD_CURSOR();
    return String(key[0]);
  }
}
