import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A use case's single database transaction; the manager is passed down explicitly. */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
