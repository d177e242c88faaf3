import type { MarketplaceClient } from './client';
import { eventually } from './system';

export interface Notice {
  kind: string;
  messageVi: string;
  data: {
    orderId?: string;
    amount?: string;
    disputeDeadline?: string;
    releases?: Array<{ organisationId: string; amount: string }>;
  };
}

/** The notices of one kind about one order in the client's inbox, once the worker has delivered at least one. */
export function noticesAbout(client: MarketplaceClient, kind: string, orderId: string): Promise<Notice[]> {
  return eventually(async () => {
    const found = (await client.get<Notice[]>('/notifications')).filter(
      (n) => n.kind === kind && n.data.orderId === orderId,
    );
    return found.length > 0 ? found : undefined;
  }, `${kind} of ${orderId}`);
}
