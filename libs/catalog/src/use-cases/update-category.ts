import { Injectable } from '@nestjs/common';
import { AuditFacade, type AuditActor } from '@app/audit';
import { Transactions } from '@app/platform';
import { Capacity } from '../capacity';
import type { CategoryDto } from '../catalog.dto';
import { Category } from '../category.entity';

@Injectable()
export class UpdateCategory {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly capacity: Capacity,
  ) {}

  /** Names and capacity; a changed capacity is applied to the listings by the next rebalance. */
  async execute({ actor, code, dto }: { actor: AuditActor; code: string; dto: CategoryDto }): Promise<Category> {
    return this.tx.run(async (tx) => {
      const before = await this.capacity.lockCategory(tx, code);
      const after = { nameVi: dto.nameVi.trim(), nameEn: dto.nameEn.trim(), capacity: dto.capacity ?? null };
      await tx.update(Category, { code }, after);
      await this.audit.record(tx, {
        actor,
        entityType: 'category',
        entityId: code,
        action: 'updated',
        before: { ...before },
        after,
      });
      return { ...before, ...after };
    });
  }
}
