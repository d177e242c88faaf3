import { randomBytes } from 'node:crypto';
import { type Created, MarketplaceClient } from './client';
import { PASSWORD } from './journey';

export interface Funder {
  client: MarketplaceClient;
  orgId: string;
}

/** A co-funder organisation (nhà đồng tài trợ) with one FUNDER user, created by the operator admin. */
export async function createFunder(
  admin: MarketplaceClient,
  tag = randomBytes(3).toString('hex'),
  name = `Quỹ Đổi mới sáng tạo ${tag}`,
): Promise<Funder> {
  const organisation = await admin.post<Created>('/organisations', { type: 'FUNDER', name });
  const email = `dongtaitro-${tag}@quydmst.vn`;
  await admin.post(`/organisations/${organisation.id}/users`, {
    email,
    fullName: 'Đỗ Thị Hà',
    password: PASSWORD,
    roles: ['FUNDER'],
  });
  return { client: admin.as(await admin.login(email, PASSWORD)), orgId: organisation.id };
}
