import { Injectable } from '@nestjs/common';
import { AuditFacade, type AuditActor } from '@app/audit';
import { Transactions } from '@app/platform';
import type { CreateCategoryDto } from '../catalog.dto';
import { Category } from '../category.entity';
import { CatalogErrors } from '../contracts/catalog';

@Injectable()
export class CreateCategory {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
  ) {}

  async execute({ actor, dto }: { actor: AuditActor; dto: CreateCategoryDto }): Promise<Category> {
    return this.tx.run(async (tx) => {
      if (await tx.existsBy(Category, { code: dto.code }))
        throw CatalogErrors.CATEGORY_EXISTS(undefined, { code: dto.code });
      const category = tx.create(Category, {
        code: dto.code,
        nameVi: dto.nameVi.trim(),
        nameEn: dto.nameEn.trim(),
        capacity: dto.capacity ?? null,
      });
      await tx.insert(Category, category);
      await this.audit.record(tx, {
        actor,
        entityType: 'category',
        entityId: dto.code,
        action: 'created',
        after: { ...category },
      });
      return category;
    });
  }
}
